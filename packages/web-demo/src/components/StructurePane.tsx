import { memo } from "react";
import { Text } from "@mantine/core";
import type { TreeNode } from "../logic/tree.ts";
import { kindName, t, type Lang } from "../logic/i18n.ts";

interface Props {
  lang: Lang;
  tree: TreeNode[];
  selected: string | null;
  /** Finding counts per node id, shown as a badge. */
  counts: Map<string, number>;
  onSelect: (id: string) => void;
}

function NodeRow({ node, depth, props }: { node: TreeNode; depth: number; props: Props }) {
  const { lang, selected, counts, onSelect } = props;
  const isGroup = node.kind === "group";
  const count = counts.get(node.id) ?? 0;
  const label = isGroup ? kindName(lang, node.text) : node.text;
  const prefix = !isGroup && node.kind !== "section" && node.kind !== "item" ? `${kindName(lang, node.kind)}: ` : "";
  return (
    <li>
      {isGroup ? (
        <div className="tree-group" role="heading" aria-level={3}>
          {label}
        </div>
      ) : (
        <button
          type="button"
          className={`tree-node${selected === node.id ? " selected" : ""}`}
          style={{ paddingLeft: 6 + depth * 12 }}
          data-node={node.id}
          data-kind={node.kind}
          onClick={() => onSelect(node.id)}
        >
          <span className="tree-prefix">{prefix}</span>
          <span className="tree-text">{label}</span>
          {node.detail && <span className="tree-detail"> — {node.detail}</span>}
          {count > 0 && <span className="tree-count">{count}</span>}
        </button>
      )}
      {node.children.length > 0 && (
        <ul className="tree">
          {node.children.map((c) => (
            <NodeRow key={c.id} node={c} depth={isGroup ? depth : depth + 1} props={props} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The Plan as a navigable tree: header, legal bases, sections, budget, …; clicking a node shows its words. */
export const StructurePane = memo(function StructurePane(props: Props) {
  return (
    <div className="pane structure-pane" data-testid="structure-pane">
      <div className="pane-head">
        <Text fw={700}>{t(props.lang, "structure")}</Text>
      </div>
      <div className="pane-body">
        <ul className="tree root">
          {props.tree.map((n) => (
            <NodeRow key={n.id} node={n} depth={0} props={props} />
          ))}
        </ul>
      </div>
    </div>
  );
});
