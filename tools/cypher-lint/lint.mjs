// Lints Cypher statements with Neo4j's own parser and semantic analysis
// (@neo4j-cypher/language-support, the library behind Neo4j's editors).
//
// stdin:  JSON [{"name": "...", "text": "..."}, ...]
// stdout: one line per diagnostic, "NAME:LINE:COL: error|warning: MESSAGE", then a summary line
// exit:   1 when any statement has an error other than an undeclared parameter
//         (govkg passes every value as a $parameter, which the linter cannot know), 2 on bad input.
// The statements are shared out over worker threads (one per CPU, at most 8, or CYPHER_LINT_THREADS):
// the semantic analysis takes 0.1-10 s per statement.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const UNDECLARED_PARAMETER = /^Parameter \$\S+ is not defined\.$/;

function lintAll(statements) {
  return statements.map(({ index, name, text }) => {
    const lines = [];
    let errors = 0;
    for (const d of lintCypherQuery(text, {}).diagnostics) {
      const isError = d.severity === 1;
      if (isError && UNDECLARED_PARAMETER.test(d.message)) continue;
      if (isError) errors += 1;
      const { line, character } = d.range.start;
      const level = isError ? 'error' : 'warning';
      lines.push(`${name}:${line + 1}:${character + 1}: ${level}: ${d.message.replace(/\s+/g, ' ')}`);
    }
    return { index, lines, errors };
  });
}

function readInput() {
  let statements;
  try {
    statements = JSON.parse(readFileSync(0, 'utf8'));
    if (!Array.isArray(statements)) throw new Error('expected a JSON list');
  } catch (e) {
    console.error(`cypher-lint: stdin is not a JSON list of {name, text}: ${e.message}`);
    process.exit(2);
  }
  if (statements.some((s) => typeof s?.name !== 'string' || typeof s?.text !== 'string')) {
    console.error('cypher-lint: every statement needs a string "name" and "text"');
    process.exit(2);
  }
  return statements.map(({ name, text }, index) => ({ index, name, text }));
}

async function main() {
  const statements = readInput();
  const most = Number.parseInt(process.env.CYPHER_LINT_THREADS ?? '', 10) || Math.min(8, availableParallelism());
  const n = Math.max(1, Math.min(most, Math.ceil(statements.length / 4)));
  // longest first, dealt round-robin: the shares take about the same time
  const order = [...statements].sort((a, b) => b.text.length - a.text.length);
  const shares = Array.from({ length: n }, (_, i) => order.filter((_, j) => j % n === i));
  const results = (
    await Promise.all(
      shares.map(
        (share) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: share });
            worker.once('message', resolve);
            worker.once('error', reject);
          }),
      ),
    )
  ).flat();
  results.sort((a, b) => a.index - b.index);
  let errors = 0;
  for (const r of results) {
    errors += r.errors;
    for (const line of r.lines) console.log(line);
  }
  console.log(`cypher-lint: ${statements.length} statements, ${errors} errors`);
  process.exitCode = errors ? 1 : 0;
}

if (isMainThread) {
  main().catch((e) => {
    console.error(`cypher-lint: ${e.stack || e}`);
    process.exit(2);
  });
} else {
  parentPort.postMessage(lintAll(workerData));
}
