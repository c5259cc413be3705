import { location, messageIn, type FileReport } from "./report.ts";

/** JUnit XML for CI dashboards: a test suite per input, a failing test case per finding (like ESLint's junit formatter). */
export function junitXml(reports: readonly FileReport[], language: "vi" | "en"): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  const failures = reports.reduce((n, r) => n + r.findings.length, 0);
  const errors = reports.filter((r) => r.error).length;
  lines.push(`<testsuites name="kehoach check" tests="${failures + reports.length}" failures="${failures}" errors="${errors}">`);
  for (const report of reports) {
    const name = escape(report.path);
    const cases = report.findings.length;
    lines.push(`  <testsuite name="${name}" tests="${Math.max(1, cases)}" failures="${cases}" errors="${report.error ? 1 : 0}">`);
    if (report.error) {
      lines.push(`    <testcase classname="${name}" name="read"><error type="${escape(report.error.code)}" message="${escape(language === "en" ? report.error.messageEn : report.error.message)}"/></testcase>`);
    } else if (cases === 0) {
      lines.push(`    <testcase classname="${name}" name="kehoach check"/>`);
    }
    for (const finding of report.findings) {
      const where = location(report.path, finding);
      lines.push(`    <testcase classname="${name}" name="${escape(`${finding.code} ${where}`)}">`);
      lines.push(`      <failure type="${finding.severity}" message="${escape(messageIn(finding, language))}">${escape(`${where}  ${finding.severity}  ${finding.code}`)}</failure>`);
      lines.push("    </testcase>");
    }
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return `${lines.join("\n")}\n`;
}

function escape(text: string): string {
  // XML 1.0 allows no control characters but tab and line breaks.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
