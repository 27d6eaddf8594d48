import type { Contact, NodeRecord, ProjectRecord } from '../model';
import { keysBetween } from '../orderKey';
import type { Entry, Report } from './entries';
import { FIELD_LABELS } from './entries';
import type { HierarchyImport } from './previewTypes';
import type { HierarchyPreview, HierarchyPreviewOptions, ReprintFinding } from './previewTypes';
import { matchReprint, reprintCandidates, type ReprintCandidate } from './reprints';

/**
 * Places the rows read from a paste in a tree: each under the nearest row above it one
 * level up (a missing level is reported at the row it affects), placements on their
 * projects (再掲 resolved by name, see `resolveReprints`), and sibling order keys.
 */

export type Built = {
  value: HierarchyImport;
  lines: HierarchyPreview['lines'];
  reprints: ReprintFinding[];
};

export function buildTree(entries: readonly Entry[], options: HierarchyPreviewOptions, numberColumn: string, report: Report): Built {
  const { scheme, newId } = options;
  const nodes: NodeRecord[] = [];
  const projects = new Map<string, ProjectRecord>();
  const kpiLinks: HierarchyImport['kpiLinks'] = [];
  const lines: Built['lines'] = [];
  const children = new Map<string | null, NodeRecord[]>();
  const stack: Array<{ depth: number; id: string; title: string }> = [];
  const reportedGaps = new Set<string>();
  let highestKpi = 0;
  // A block that starts below the top level (a (3) and its ① pasted under an existing 施策体系)
  // is a sub-tree, not a gap: its first level is where the user is pasting.
  const baseDepth = entries[0]?.depth ?? 0;
  const reprints = resolveReprints(entries, options, report);

  const projectNamed = (name: string): ProjectRecord => {
    let project = projects.get(name);
    if (!project) {
      project = { id: newId(), name, contacts: [] };
      projects.set(name, project);
    }
    return project;
  };

  for (const entry of entries) {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= entry.depth) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const parentDepth = parent?.depth ?? baseDepth - 1;
    // One report per gap: the siblings that follow the first row over it share its fate.
    const gap = `${parent?.id ?? ''}|${entry.depth}`;
    if (parentDepth < entry.depth - 1 && !reportedGaps.has(gap)) {
      reportedGaps.add(gap);
      const level = scheme.levels[entry.depth]?.name ?? `level ${entry.depth + 1}`;
      const missing = scheme.levels[parentDepth + 1]?.name ?? '';
      report({
        line: entry.line,
        column: numberColumn,
        code: 'depthJump',
        detail: parent
          ? `"${entry.title}" is a ${level} row, but no ${missing} row comes between it and "${parent.title}"; imported under "${parent.title}" (add the missing row or correct the number if that is wrong)`
          : `"${entry.title}" is a ${level} row before any ${scheme.levels[0]?.name ?? ''} row; imported at the top level (add the row above it if one is missing)`,
      });
    }

    const id = newId();
    let projectId: string | null = null;
    if (entry.kind === 'placement') {
      const resolved = reprints.projectOf.get(entry);
      if (resolved?.existingId) {
        projectId = resolved.existingId;
      } else {
        const project = projectNamed(resolved?.name ?? entry.title);
        // Every placement may list the project's contacts; a later one can only add to them.
        for (const contact of entry.contacts) {
          if (!project.contacts.some((known) => sameContact(known, contact))) project.contacts.push(contact);
        }
        projectId = project.id;
      }
    }
    const node: NodeRecord = {
      id,
      kind: entry.kind,
      position: { parent: parent?.id ?? null, key: '' },
      title: entry.kind === 'measure' ? entry.title : '',
      description: entry.description,
      projectId,
      status: entry.status,
    };
    nodes.push(node);
    lines.push({ line: entry.line, nodeId: id, depth: entry.depth });
    const siblings = children.get(node.position.parent) ?? [];
    siblings.push(node);
    children.set(node.position.parent, siblings);
    stack.push({ depth: entry.depth, id, title: entry.title });

    if (entry.kpiRefs.length > 0) {
      const kpiNumbers = entry.kpiRefs.map((ref) => {
        const number = ref === 'next' ? highestKpi + 1 : ref;
        highestKpi = Math.max(highestKpi, number);
        return number;
      });
      kpiLinks.push({ nodeId: id, kpiNumbers });
    }
  }

  for (const siblings of children.values()) {
    const keys = keysBetween(null, null, siblings.length, options.random);
    siblings.forEach((node, i) => {
      node.position.key = keys[i]!;
    });
  }
  return { value: { nodes, projects: [...projects.values()], kpiLinks }, lines, reprints: reprints.findings };
}

/**
 * Which project each placement is. Unmarked rows are their own projects, one per exact
 * name (as before). A 再掲 row is the project of the same name once folded; one only similar
 * is offered to the user and, until confirmed, imported as its own project with its mark
 * kept; one with no match keeps its mark and is flagged. Candidates are every unmarked row
 * (a 再掲 may come before its first listing) and the plan's projects.
 */
function resolveReprints(entries: readonly Entry[], options: HierarchyPreviewOptions, report: Report) {
  const projectOf = new Map<Entry, { name: string; existingId: string | null }>();
  const findings: ReprintFinding[] = [];
  const candidates: ReprintCandidate[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === 'placement' && !entry.marked && !seen.has(entry.title)) {
      seen.add(entry.title);
      candidates.push({ name: entry.title, line: entry.line, projectId: null });
    }
  }
  for (const project of options.existingProjects ?? []) candidates.push({ name: project.name, line: null, projectId: project.id });
  const decisions = new Map((options.confirmedReprints ?? []).map((decision) => [decision.line, decision.accept]));
  // Folded once here, not once per 再掲 row: the preview reruns on every mapping change.
  const matchable = reprintCandidates(candidates);

  for (const entry of entries) {
    if (entry.kind !== 'placement' || !entry.marked) continue;
    const match = matchReprint(entry.title, matchable);
    const column = FIELD_LABELS.name;
    const asProject = (candidate: ReprintCandidate) =>
      projectOf.set(entry, { name: candidate.name, existingId: candidate.projectId });
    const keepMark = () => projectOf.set(entry, { name: entry.typed, existingId: null });
    if (match.kind === 'exact') {
      asProject(match.candidate);
      findings.push({ kind: 'matched', line: entry.line, text: entry.typed, name: match.candidate.name, matchedLine: match.candidate.line, confirmed: false });
    } else if (match.kind === 'similar' && decisions.get(entry.line) === true) {
      asProject(match.candidate);
      findings.push({ kind: 'matched', line: entry.line, text: entry.typed, name: match.candidate.name, matchedLine: match.candidate.line, confirmed: true });
    } else if (match.kind === 'similar' && decisions.get(entry.line) === undefined) {
      keepMark();
      findings.push({ kind: 'suggested', line: entry.line, text: entry.typed, candidate: { name: match.candidate.name, line: match.candidate.line } });
      const where = match.candidate.line === null ? 'already in the plan' : `on line ${match.candidate.line}`;
      report({
        line: entry.line,
        column,
        code: 'reprintSuggested',
        detail: `"${entry.typed}" is marked 再掲 but no earlier project has exactly that name; "${match.candidate.name}" (${where}) is close: confirm it is the same project, or it is imported as a new one with its mark kept`,
      });
    } else {
      keepMark();
      findings.push({ kind: 'unmatched', line: entry.line, text: entry.typed });
      report({
        line: entry.line,
        column,
        code: 'reprintUnmatched',
        detail: `"${entry.typed}" is marked 再掲 but no project of that name comes before it or is in the plan; imported as a new project with 「再掲」 kept in its name (correct the name to match the first listing, then import again)`,
      });
    }
  }
  return { projectOf, findings };
}

function sameContact(a: Contact, b: Contact): boolean {
  return a.organisation === b.organisation && a.section === b.section && a.phone === b.phone;
}
