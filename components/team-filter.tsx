// The team filter of a GET form (lib/team-filter.ts): a list of the teams up to TEAM_LIST_MAX of them, a box to type
// part of a team's name in above that; and, under the form, the teams the words typed match, to choose from.
import Link from "@/components/link";
import { FieldMessages, describedBy } from "@/components/forms/field-shell";
import { TEAM_TYPED_MAX, teamsTooManyToList, type PickedTeam, type TeamChoice } from "@/lib/team-filter";

const HINT = "Type part of the team's name, or leave it empty for all teams.";

export function TeamFilterField({
  teams,
  picked,
  id = "team",
  label = "Team",
  all = "All teams",
  labelClassName = "label",
  className = "",
}: {
  teams: readonly TeamChoice[];
  picked: PickedTeam;
  /** The control's id (the list's name is always `team`, the box's `teamq`). */
  id?: string;
  label?: string;
  all?: string;
  labelClassName?: string;
  className?: string;
}) {
  if (!teamsTooManyToList(teams)) {
    return (
      <div className={className}>
        <label htmlFor={id} className={labelClassName}>
          {label}
        </label>
        <select id={id} name="team" defaultValue={picked.team ?? ""} className="input">
          <option value="">{all}</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const shown = picked.team ? (teams.find((t) => t.id === picked.team)?.name ?? "") : (picked.typed ?? "");
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <FieldMessages name={id} hint={HINT} />
      <input id={id} name="teamq" type="search" defaultValue={shown} maxLength={TEAM_TYPED_MAX} autoComplete="off" aria-describedby={describedBy(id, HINT)} className="input" />
    </div>
  );
}

/** The teams whose names hold the words typed, each a link to the same view for that team; nothing when none was typed. */
export function TeamMatches({ picked, hrefFor }: { picked: PickedTeam; hrefFor: (teamId: string) => string }) {
  if (!picked.typed) return null;
  if (picked.matches.length === 0) {
    return (
      <p className="card mb-6">
        {`No team's name has "${picked.typed}" in it, so no team is chosen.`}
      </p>
    );
  }
  const total = picked.matches.length + picked.more;
  return (
    <section aria-labelledby="team-matches" className="card mb-6">
      <h2 id="team-matches" className="mb-2 text-lg">
        {`${total.toLocaleString("en-GB")} teams have "${picked.typed}" in their name`}
      </h2>
      <p className="mb-2">Choose one. Until you do, no team is chosen.</p>
      <ul className="list-disc pl-6">
        {picked.matches.map((t) => (
          <li key={t.id}>
            <Link href={hrefFor(t.id)}>{t.name}</Link>
          </li>
        ))}
      </ul>
      {picked.more > 0 ? <p className="mt-2">{`And ${picked.more.toLocaleString("en-GB")} more: type more of the name to narrow them down.`}</p> : null}
    </section>
  );
}
