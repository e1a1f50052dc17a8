import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
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

interface Scope {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  /** Each fragment is measured once: re-walking it per spread makes `F0 { ...F1 ...F1 }`-style
   * documents cost 2^n steps, a CPU bomb in a few hundred bytes. */
  measured: Map<string, Measure>;
  /** Fragments being measured right now; a spread of one of them is a cycle, already an error. */
  open: Set<string>;
}

// A page size given as a variable is unknown here and the client may ask for the largest page any
// list serves (kpis…incomplete, 1000), so that is what it costs.
const VARIABLE_PAGE = 1000;

/** How many rows a field may return: its `limit` as written, as declared by default, or one. */
function pageSize(node: FieldNode, def: GraphQLField<unknown, unknown> | undefined): number {
  const arg = node.arguments?.find((a) => a.name.value === 'limit');
  if (arg?.value.kind === Kind.INT) return Number(arg.value.value);
  if (arg?.value.kind === Kind.VARIABLE) return VARIABLE_PAGE;
  const declared = def?.args.find((a) => a.name === 'limit')?.defaultValue;
  return typeof declared === 'number' ? declared : 1;
}

function fieldOf(parent: GraphQLNamedType | undefined, name: string) {
  return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
}

function measureFragment(name: string, scope: Scope): Measure | undefined {
  const known = scope.measured.get(name);
  const frag = scope.fragments[name];
  if (known || !frag || scope.open.has(name)) return known;
  scope.open.add(name);
  const type = scope.schema.getType(frag.typeCondition.name.value) ?? undefined;
  const m = measure(frag.selectionSet, type, scope);
  scope.open.delete(name);
  scope.measured.set(name, m);
  return m;
}

function measure(set: SelectionSetNode, parent: GraphQLNamedType | undefined, scope: Scope): Measure {
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
      const def = fieldOf(parent, sel.name.value);
      const child = measure(sel.selectionSet, def && getNamedType(def.type), scope);
      // Introspection nests type references ~15 deep in every client's standard query; its depth is
      // bounded by our schema, and production turns introspection off altogether.
      const introspection = sel.name.value === '__schema' || sel.name.value === '__type';
      depth = Math.max(depth, introspection ? 1 : child.depth + 1);
      aliases += child.aliases;
      cost += 1 + pageSize(sel, def) * child.cost;
      continue;
    }
    const inner =
      sel.kind === Kind.INLINE_FRAGMENT
        ? measure(
            sel.selectionSet,
            (sel.typeCondition ? scope.schema.getType(sel.typeCondition.name.value) : parent) ?? undefined,
            scope,
          )
        : measureFragment(sel.name.value, scope);
    if (!inner) continue;
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
    cost += inner.cost;
  }
  return { depth, aliases, cost };
}

/** Refuses a document that is too deep, aliases too much, or would read too many rows. */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const schema = context.getSchema();
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of context.getDocument().definitions)
        if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      const root = schema.getRootType(op.operation) ?? undefined;
      const m = measure(op.selectionSet, root, { schema, fragments, measured: new Map(), open: new Set() });
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
