// Typed input errors: a stable code, the file, and what the user can do about it.

import { NotAReportError } from "../parsers/document-kind.js";
import { ReadError } from "../parsers/read.js";

/** Each code with what the user can do about it (the reason itself is in the message). */
export const ERROR_CODES = {
  E_UNREADABLE: "check the path and its permissions",
  E_EMPTY: "download it again",
  E_TOO_LARGE: "raise --max-size if it really is a report",
  E_UNSUPPORTED_FORMAT:
    "only PDF, Word (.docx), plain text, markdown and saved web pages (.html) of reports are read",
  E_PDF_CORRUPT: "download it again",
  E_PDF_ENCRYPTED: "save a copy without the password",
  E_DOCX_CORRUPT: "open it in Word and save it again, or download it again",
  E_TRUNCATED: "the download may be incomplete; download it again",
  E_NO_TEXT:
    "run it through OCR (ocrmypdf, for one) and read the PDF it writes, or find the inspectorate's own PDF",
  E_NOT_A_YOS_REPORT: "only HMI Probation youth offending service inspection reports are read",
  E_OTHER_FRAMEWORK:
    "only reports rated on the 2018-2024 standards framework (standards 1.1 to 4.1) are read",
  E_WELSH_EDITION: "read the English edition of the same report, which the inspectorate publishes beside it",
  E_SEVERAL_REPORTS:
    "give each report a file of its own: split the PDF at each cover (qpdf --pages, say), or the text",
  E_TIMEOUT: "raise --timeout or check the file",
  E_DATABASE: "the database was busy or could not be written; run the ingest again",
  E_PARSE: "this is a bug: please report it with the file",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Failures of a run rather than verdicts on a file's content (the file gone or not readable now,
 * the machine slow, the run's size limit lower, a bug in the parser, the database busy): they
 * never replace what was loaded from the file before.
 */
export const FAILURES_OF_THE_RUN: ReadonlySet<ErrorCode> = new Set([
  "E_UNREADABLE",
  "E_TIMEOUT",
  "E_TOO_LARGE",
  "E_PARSE",
  "E_DATABASE",
]);

export interface InputError {
  code: ErrorCode;
  message: string;
}

/** The error `code` for `file`: the message names the file, the reason and what to do. */
export function typedError(file: string, code: ErrorCode, reason: string): InputError {
  return { code, message: `${file}: ${reason} — ${ERROR_CODES[code]}` };
}

/** `error` with `more` added to its reason. */
export function withReason(file: string, error: InputError, more: string): InputError {
  const head = `${file}: `;
  const tail = ` — ${ERROR_CODES[error.code]}`;
  let reason = error.message;
  if (reason.startsWith(head)) reason = reason.slice(head.length);
  if (reason.endsWith(tail)) reason = reason.slice(0, -tail.length);
  return typedError(file, error.code, `${reason}; ${more}`);
}

/** The typed error for anything a file's reading or parsing threw. */
export function inputError(file: string, err: unknown): InputError {
  let code: ErrorCode = "E_PARSE";
  if (err instanceof ReadError && err.code in ERROR_CODES) code = err.code as ErrorCode;
  else if (err instanceof NotAReportError) code = err.code;
  else if (
    typeof (err as { code?: unknown })?.code === "string" &&
    (err as { code: string }).code in ERROR_CODES
  )
    code = (err as { code: ErrorCode }).code;
  const raw = err instanceof Error ? err.message : String(err);
  const reason = raw.startsWith(`${file}: `) ? raw.slice(file.length + 2) : raw;
  return typedError(file, code, reason);
}
