/**
 * A captioned table whose first column names each row; numbers are right-aligned. It sits in a box that
 * scrolls sideways when the table is wider than its place (reports.css), so no column is cut off.
 */
export function ReportTable({
  caption,
  head,
  rows,
  empty,
  wide = false,
}: {
  caption: string;
  head: string[];
  rows: string[][];
  /** Shown as the only row when there are none. */
  empty?: string;
  /** Takes the whole row of the report's grid: for tables of many columns. */
  wide?: boolean;
}) {
  return (
    <div className={wide ? 'table-scroll table-wide' : 'table-scroll'}>
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((label, column) => (
              <th key={label} scope="col" className={column > 0 ? 'num' : undefined}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, ...cells], index) => (
            <tr key={`${name}-${index}`}>
              <th scope="row">{name}</th>
              {cells.map((cell, column) => (
                <td key={column} className="num">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 && empty && (
            <tr>
              <td colSpan={head.length} className="muted">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
