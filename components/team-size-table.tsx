// A team's size: in-post headcount and FTE by role (stage), with the total.
import type { TeamSize } from "@/db/queries/teams";

const fte = (n: number) => Number(n.toFixed(2)).toLocaleString("en-GB", { minimumFractionDigits: 1 });

export function TeamSizeTable({ size, caption }: { size: TeamSize; caption: string }) {
  if (size.headcount === 0) return <p className="text-nhs-secondary">No support workers in post.</p>;
  return (
    <table className="table text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col" className="num">
            Headcount
          </th>
          <th scope="col" className="num">
            FTE
          </th>
        </tr>
      </thead>
      <tbody>
        {size.byStage.map((s) => (
          <tr key={s.stageId}>
            <th scope="row" className="font-normal!">
              {s.stage}
            </th>
            <td className="num">{s.headcount}</td>
            <td className="num">{fte(s.fte)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="num font-bold">{size.headcount}</td>
          <td className="num font-bold">{fte(size.fte)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
