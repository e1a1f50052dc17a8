import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

// A list field costs its children times the page it asks for; without a limit we assume this many.
const DEFAULT_LIST_SIZE = 50;

function measure(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): Measure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.alias) aliases++;
      if (!sel.selectionSet) {
        cost += 0.01; // scalars are nearly free; the rows behind object fields are what cost
        depth = Math.max(depth, 1);
        continue;
      }
      const child = measure(sel.selectionSet, fragments, seen);
      const limitArg = sel.arguments?.find((a) => a.name.value === 'limit');
      const n =
        limitArg?.value.kind === Kind.INT ? Number(limitArg.value.value) : limitArg ? DEFAULT_LIST_SIZE : 1;
      depth = Math.max(depth, child.depth + 1);
      aliases += child.aliases;
      cost += 1 + n * child.cost;
    } else {
      const frag =
        sel.kind === Kind.INLINE_FRAGMENT
          ? sel
          : seen.has(sel.name.value)
            ? undefined
            : fragments[sel.name.value];
      if (!frag) continue;
      const inner = measure(
        frag.selectionSet,
        fragments,
        sel.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, sel.name.value]) : seen,
      );
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      cost += inner.cost;
    }
  }
  return { depth, aliases, cost };
}

/** Refuses a document that is too deep, aliases too much, or would read too many rows. */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of context.getDocument().definitions)
        if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      const m = measure(op.selectionSet, fragments, new Set());
      const refuse = (code: string, message: string) =>
        context.reportError(new GraphQLError(message, { nodes: [op], extensions: { code } }));
      if (m.depth > limits.maxDepth)
        refuse('QUERY_TOO_DEEP', `查询嵌套层数 ${m.depth} 超过上限 ${limits.maxDepth}`);
      if (m.aliases > limits.maxAliases)
        refuse('TOO_MANY_ALIASES', `查询别名数 ${m.aliases} 超过上限 ${limits.maxAliases}`);
      if (m.cost > limits.maxCost)
        refuse('QUERY_TOO_COSTLY', `查询代价 ${Math.round(m.cost)} 超过上限 ${limits.maxCost}`);
    },
  });
}
