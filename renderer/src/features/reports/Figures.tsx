/** Label and value pairs, read as a list of figures. */
export function Figures({ items, className = '' }: { items: [string, string][]; className?: string }) {
  return (
    <dl className={`figures ${className}`.trim()}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
