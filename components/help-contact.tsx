// Who to ask for help with Pathways, as the trust set it up (HELP_NAME, HELP_EMAIL, HELP_PHONE; lib/env.ts).
import { helpContact } from "@/lib/env";

export function HelpContact({ lead = "For help with Pathways, contact" }: { lead?: string }) {
  const help = helpContact();
  return (
    <>
      {lead} {help.name}
      {help.email ? (
        <>
          {" "}
          at <a href={`mailto:${help.email}`}>{help.email}</a>
        </>
      ) : null}
      {help.phone ? (
        <>
          {help.email ? " or" : ""} on <a href={`tel:${help.phone.replace(/[^\d+]/g, "")}`}>{help.phone}</a>
        </>
      ) : null}
      .
    </>
  );
}
