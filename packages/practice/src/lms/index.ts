/** LMS export: Moodle XML and GIFT question files from generated exercises. */
export type { BankQuestion, QuestionBank } from './bank.js';
export { gift } from './gift.js';
export { moodleXml } from './moodle-xml.js';
