import { RULES } from "@kehoach/parser";
import { FINDING_CODES, type Finding, type Severity } from "@kehoach/model";
import { messageIn, placeOf, type FileReport } from "./report.ts";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };
const HELP_URI = "https://github.com/kehoach/kehoach#consistency-review";

/**
 * A SARIF 2.1.0 log of a check run: one run, the rules that fired (help text from FINDING_CODES, parse
 * codes too), one result per finding with its region in the
 * user's file (a PDF's page in the region's property bag), and an error notification per unreadable input.
 */
export function sarifLog(reports: readonly FileReport[], language: "vi" | "en", version: string): Record<string, unknown> {
  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  const ruleOf = (finding: Finding) => {
    let index = ruleIndex.get(finding.code);
    if (index === undefined) {
      const rule = RULES.find((r) => r.code === finding.code);
      const { summary, source } = FINDING_CODES[finding.code];
      index = rules.length;
      ruleIndex.set(finding.code, index);
      rules.push({
        id: finding.code,
        name: finding.code,
        shortDescription: { text: summary },
        fullDescription: { text: summary },
        help: { text: summary, markdown: summary },
        helpUri: HELP_URI,
        defaultConfiguration: { level: LEVEL[rule?.severity ?? finding.severity] },
        properties: { source },
      });
    }
    return index;
  };
  const results = reports.flatMap((report) =>
    report.findings.map((finding) => {
      const place = placeOf(finding);
      const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: artifactUri(report.path) } };
      if (place) {
        physicalLocation["region"] = {
          startLine: place.line,
          startColumn: place.column,
          ...(place.page !== undefined ? { properties: { page: place.page } } : {}),
        };
      }
      return {
        ruleId: finding.code,
        ruleIndex: ruleOf(finding),
        level: LEVEL[finding.severity],
        message: { text: messageIn(finding, language) },
        locations: [{ physicalLocation }],
      };
    }),
  );
  const failed = reports.filter((report) => report.error);
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "kehoach", version, informationUri: HELP_URI, rules } },
        invocations: [
          {
            executionSuccessful: failed.length === 0,
            toolExecutionNotifications: failed.map((report) => ({
              level: "error",
              descriptor: { id: report.error?.code ?? "unreadable" },
              message: { text: language === "en" ? report.error?.messageEn : report.error?.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(report.path) } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
}

/** A relative URI reference for a path (`a b/x.pdf` → `a%20b/x.pdf`); absolute paths become file: URIs. */
function artifactUri(path: string): string {
  const posix = path.replaceAll("\\", "/");
  const encoded = posix.split("/").map(encodeURIComponent).join("/");
  return posix.startsWith("/") ? `file://${encoded}` : encoded;
}
