import { Text } from "@mantine/core";
import type { Change } from "../logic/diff.ts";
import { kindName, t, type Lang } from "../logic/i18n.ts";

/** The structural changes from the open plan to a second draft. */
export function ChangesList({ lang, changes, otherName }: { lang: Lang; changes: Change[]; otherName: string }) {
  return (
    <div data-testid="changes">
      <Text size="sm" c="dimmed" mb="xs">
        → {otherName}
      </Text>
      {changes.length === 0 && <Text>{t(lang, "noChanges")}</Text>}
      <ul className="changes">
        {changes.map((c, i) => (
          <li key={i} data-change={c.kind}>
            <span className={`change-kind ck-${c.kind.split("-").pop()}`}>{kindName(lang, c.kind)}</span> <b>{c.subject}</b>
            {c.before !== null && (
              <span className="change-before">
                {" "}
                {t(lang, "before")}: <del>{c.before}</del>
              </span>
            )}
            {c.after !== null && (
              <span className="change-after">
                {" "}
                {t(lang, "after")}: <ins>{c.after}</ins>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
