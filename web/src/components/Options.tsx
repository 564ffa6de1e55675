/** The `<option>`s of a Select, and options grouped under headings (`<optgroup>`; a group with no options is left out). */

export interface Option {
  value: string | number;
  text: string;
}

export interface OptionGroup {
  label: string;
  options: readonly Option[];
}

export function Options({ options }: { options: readonly Option[] }) {
  return (
    <>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
    </>
  );
}

export function OptionGroups({ groups }: { groups: readonly OptionGroup[] }) {
  return (
    <>
      {groups
        .filter((g) => g.options.length > 0)
        .map((g) => (
          <optgroup key={g.label} label={g.label}>
            <Options options={g.options} />
          </optgroup>
        ))}
    </>
  );
}
