import { useEffect, useRef } from "react";
import { Badge, Text } from "@mantine/core";
import type { Finding } from "@kehoach/model";
import { findingPlace, groupFindings } from "../logic/findings.ts";
import type { RuleInfo } from "../logic/rules.ts";
import { t, type Lang } from "../logic/i18n.ts";

interface Props {
  lang: Lang;
  findings: Finding[];
  /** `plan.source.format`: how a place in the user's file is named (a Word file has paragraphs). */
  format: string;
  rules: Record<string, RuleInfo>;
  open: number | null;
  onOpen: (index: number) => void;
  onStep: (step: 1 | -1) => void;
}

const COLOR = { error: "red", warning: "orange", info: "blue" } as const;

/** Findings grouped by severity, each with its rule's explanation and, for layout rules, the NĐ 30 clause. */
export function FindingsPane({ lang, findings, format, rules, open, onOpen, onStep }: Props) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open === null) return;
    list.current?.querySelector<HTMLElement>(`[data-finding="${open}"]`)?.scrollIntoView({ block: "nearest" });
  }, [open]);

  return (
    <div className="pane findings-pane" data-testid="findings-pane">
      <div className="pane-head">
        <Text fw={700}>
          {t(lang, "findings")} <span data-testid="findings-count">{findings.length}</span>
        </Text>
        <Text size="xs" c="dimmed">
          {t(lang, "keys")}
        </Text>
      </div>
      <div
        className="pane-body"
        ref={list}
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            onStep(e.key === "ArrowDown" ? 1 : -1);
          }
        }}
      >
        {findings.length === 0 && <Text c="dimmed">{t(lang, "noFindings")}</Text>}
        {groupFindings(findings).map((group) => (
          <section key={group.severity} className="finding-group">
            <h3 className={`sev-head sev-${group.severity}`}>
              {t(lang, group.severity)} ({group.items.length})
            </h3>
            {group.items.map(({ index, finding }) => {
              const info = rules[finding.code] ?? { summary: null, clause: null };
              const message = lang === "en" ? (finding.messageEn ?? finding.message) : finding.message;
              const isOpen = open === index;
              return (
                <button
                  key={index}
                  type="button"
                  className={`finding${isOpen ? " open" : ""}`}
                  data-finding={index}
                  data-code={finding.code}
                  aria-expanded={isOpen}
                  onClick={() => onOpen(index)}
                >
                  <span className="finding-top">
                    <Badge size="sm" color={COLOR[finding.severity]} variant="light" radius="sm" tt="none">
                      {finding.code}
                    </Badge>
                    {finding.at && <span className="finding-line">{findingPlace(finding, format, lang)}</span>}
                  </span>
                  <span className="finding-message">{message}</span>
                  {isOpen && info.summary && <span className="finding-rule">{info.summary}</span>}
                  {isOpen && info.clause && (
                    <span className="finding-clause" data-testid="finding-clause">
                      {t(lang, "nd30")}, {info.clause[lang]}
                    </span>
                  )}
                </button>
              );
            })}
          </section>
        ))}
      </div>
    </div>
  );
}
