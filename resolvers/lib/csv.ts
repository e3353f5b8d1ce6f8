// Results as CSV a person opens in a spreadsheet (issue 9 item 6): the question,
// its round and the export time, then label, votes and percentage per option,
// then the total. RFC 4180 quoting; a cell starting with = + - or @ is prefixed
// with ' so a spreadsheet shows it instead of running it as a formula.
import type { QuestionResults } from '../generated/schema.ts';
import type { EntryItem } from './entries.ts';
import type { QuestionItem } from './model.ts';

const FORMULA_STARTS = ['=', '+', '-', '@'];

function cell(value: string): string {
  const safe = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? `'${value}` : value;
  const needsQuotes = ['"', ',', '\n', '\r'].some((c) => safe.indexOf(c) >= 0);
  return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const row = (cells: string[]) => cells.map((value) => cell(value)).join(',');

/** Share of the participants who answered, to one decimal: what "N % chose this" means, also with several choices. */
function percentage(votes: number, voters: number): string {
  return voters > 0 ? `${Math.round((votes * 1000) / voters) / 10}%` : '0%';
}

/** One question's section. */
export function questionCsv(results: QuestionResults, exportedAt: string): string {
  const lines = [row(['Question', results.title]), row(['Round', `${results.round}`]), row(['Exported at', exportedAt])];
  if (results.type === 'WORD_CLOUD') {
    lines.push(row(['Word', 'Count']));
    results.words.forEach((word) => lines.push(row([word.word, `${word.count}`])));
  } else {
    lines.push(row(['Label', 'Votes', 'Percentage']));
    results.options.forEach((option) => lines.push(row([option.label, `${option.votes}`, percentage(option.votes, results.voters)])));
  }
  lines.push(row(['Total', `${results.totalVotes}`]), row(['Participants', `${results.voters}`]));
  if (results.type === 'RATING' && results.average !== null && results.average !== undefined) lines.push(row(['Average', `${results.average}`]));
  return lines.join('\n') + '\n';
}

/** A Q&A question's section: its entries as organizers see them (pinned, most upvoted, newest), every status. */
export function entriesCsv(question: QuestionItem, entries: EntryItem[], exportedAt: string): string {
  const lines = [row(['Question', question.title]), row(['Round', `${question.round}`]), row(['Exported at', exportedAt])];
  lines.push(row(['Entry', 'Author', 'Status', 'Pinned', 'Upvotes', 'Asked at']));
  entries.forEach((entry) =>
    lines.push(row([entry.text, entry.author ?? '', entry.status, entry.pinned ? 'yes' : 'no', `${entry.upvotes}`, entry.createdAt])),
  );
  lines.push(row(['Entries', `${entries.length}`]));
  return lines.join('\n') + '\n';
}

/** A Q&A question of an event with more Q&A questions than one export reads. */
export function entriesNotExportedCsv(question: QuestionItem, exportedAt: string): string {
  const lines = [row(['Question', question.title]), row(['Round', `${question.round}`]), row(['Exported at', exportedAt])];
  lines.push(row(['Entries', 'too many Q&A questions in one event: export this one on its own']));
  return lines.join('\n') + '\n';
}

/**
 * Every question's section, one after another, a blank line between them. `sections` are
 * the results of `questions`, in the same order; a Q&A question's section is its entries.
 */
export function eventCsv(
  questions: QuestionItem[],
  sections: QuestionResults[],
  entriesOf: Record<string, EntryItem[]>,
  exportedAt: string,
): string {
  return sections
    .map((results, index) => {
      const question = questions[index]!;
      if (question.type !== 'QA') return questionCsv(results, exportedAt);
      const entries = entriesOf[question.id];
      return entries ? entriesCsv(question, entries, exportedAt) : entriesNotExportedCsv(question, exportedAt);
    })
    .join('\n');
}
