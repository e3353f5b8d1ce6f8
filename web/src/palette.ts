// One colour per option, shared by the voting buttons and the results bars so
// the audience finds "their" colour on the big screen. Text colours keep at
// least 3:1 contrast at the large sizes they are used in.
export interface OptionColour {
  background: string;
  text: string;
}

const PALETTE: readonly OptionColour[] = [
  { background: '#e63946', text: '#ffffff' },
  { background: '#1d6fe0', text: '#ffffff' },
  { background: '#ffb703', text: '#1b1530' },
  { background: '#12a150', text: '#ffffff' },
  { background: '#8e44ec', text: '#ffffff' },
  { background: '#ff7a00', text: '#1b1530' },
  { background: '#008c8c', text: '#ffffff' },
  { background: '#e0449a', text: '#ffffff' },
  { background: '#c2410c', text: '#ffffff' },
  { background: '#0e7490', text: '#ffffff' },
];

export function optionColour(index: number): OptionColour {
  return PALETTE[index % PALETTE.length] as OptionColour;
}
