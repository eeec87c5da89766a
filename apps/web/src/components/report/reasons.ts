/** Report reasons in people's words, in the order Instagram lists them. */
export type ReportReason =
  | 'SPAM'
  | 'NUDITY'
  | 'HATE'
  | 'VIOLENCE'
  | 'BULLYING'
  | 'FALSE_INFORMATION'
  | 'SCAM'
  | 'INTELLECTUAL_PROPERTY'
  | 'SELF_HARM'
  | 'ILLEGAL_GOODS'
  | 'FAKE_ENGAGEMENT'
  | 'OTHER';

export const REPORT_REASONS: readonly { reason: ReportReason; label: string }[] = [
  { reason: 'SPAM', label: "It's spam" },
  { reason: 'NUDITY', label: 'Nudity or sexual activity' },
  { reason: 'HATE', label: 'Hate speech or symbols' },
  { reason: 'VIOLENCE', label: 'Violence or dangerous organizations' },
  { reason: 'BULLYING', label: 'Bullying or harassment' },
  { reason: 'FALSE_INFORMATION', label: 'False information' },
  { reason: 'SCAM', label: 'Scam or fraud' },
  { reason: 'INTELLECTUAL_PROPERTY', label: 'Intellectual property violation' },
  { reason: 'SELF_HARM', label: 'Suicide or self-injury' },
  { reason: 'ILLEGAL_GOODS', label: 'Sale of illegal or regulated goods' },
  { reason: 'FAKE_ENGAGEMENT', label: 'Bought or fake followers or likes' },
  { reason: 'OTHER', label: 'Something else' },
];

export function reasonLabel(reason: string): string {
  return REPORT_REASONS.find((r) => r.reason === reason)?.label ?? reason;
}
