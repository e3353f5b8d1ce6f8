// Which view draws which question type: the one place the pages look it up.
import type { QuestionType } from '../api/audience.ts';
import { MultipleChoicePhone } from './multiple-choice/Phone.tsx';
import { MultipleChoiceResults } from './multiple-choice/Results.tsx';
import { MultipleChoiceScreen } from './multiple-choice/Screen.tsx';
import { RatingPhone } from './rating/Phone.tsx';
import { RatingResults } from './rating/Results.tsx';
import { RatingScreen } from './rating/Screen.tsx';
import type { PhoneProps, ResultsProps } from './types.ts';
import { WordCloud } from './word-cloud/Cloud.tsx';
import { WordCloudPhone } from './word-cloud/Phone.tsx';
import { WordCloudScreen } from './word-cloud/Screen.tsx';

type Answerable = Exclude<QuestionType, 'QA'>;

interface Views {
  Phone(props: PhoneProps): React.ReactNode;
  PhoneResults(props: ResultsProps & { size: 'phone' | 'screen' }): React.ReactNode;
  Screen(props: ResultsProps): React.ReactNode;
  /** What the phone's prompt says. */
  prompt: (maxChoices: number) => string;
}

const VIEWS: Record<Answerable, Views> = {
  MULTIPLE_CHOICE: {
    Phone: MultipleChoicePhone,
    PhoneResults: MultipleChoiceResults,
    Screen: MultipleChoiceScreen,
    prompt: (max) => (max > 1 ? `Pick up to ${max}.` : 'Tap your choice.'),
  },
  RATING: { Phone: RatingPhone, PhoneResults: RatingResults, Screen: RatingScreen, prompt: () => 'Tap your rating.' },
  WORD_CLOUD: { Phone: WordCloudPhone, PhoneResults: WordCloud, Screen: WordCloudScreen, prompt: () => 'Send up to three words.' },
};

/** The views of an answerable type (every type but Q&A, which has its own). */
export function viewsOf(type: QuestionType): Views | null {
  return type === 'QA' ? null : VIEWS[type];
}
