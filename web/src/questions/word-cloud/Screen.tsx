import type { ResultsProps } from '../types.ts';
import { WordCloud } from './Cloud.tsx';

/** The big screen's word cloud, growing with each answer. */
export function WordCloudScreen({ question, results }: ResultsProps) {
  return <WordCloud question={question} results={results} size="screen" />;
}
