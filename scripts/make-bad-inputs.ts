// Writes a folder of bad inputs, as a researcher's downloads folder holds them: a cut and a
// corrupted PDF, a password-protected PDF, a scanned PDF, an OCR'd one whose text does not decode, a PDF that is not a report,
// inspections of adult probation services, the inspection standards, a research bulletin, two reports in one file,
// a Word file renamed .pdf,
// an empty file, binary noise, and a duplicate of a good report under another name. Returns
// each file with the outcome `yos ingest` should give it.
// Run: npx tsx scripts/make-bad-inputs.ts [dir]   (default out/bad-inputs)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { tinyPdf } from "../test/helpers/tiny-pdf.js";
import { renderReportPdf } from "./render-pdf.js";

const ROOT = join(import.meta.dirname, "..");

/** An adult probation report's prose, which names youth offending services six times. */
const ADULT_PROSE =
  "People on probation who turn 18 transfer from the youth offending service (YOS). The YOS and the probation delivery unit share a transitions protocol; youth justice managers attend the reducing reoffending board, and the YOT's case records were available to practitioners. Youth offending service staff joined two of the case conferences we saw.\n";

function pdfOf(lines: string[], options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      compress: false,
      info: { CreationDate: new Date(Date.UTC(2024, 0, 1)) },
      ...options,
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    for (const line of lines) doc.text(line);
    doc.end();
  });
}

/** A PDF of `pages` pages that are pictures only (grey blocks where the text was), as a scan is. */
function scannedPdf(pages: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date(Date.UTC(2024, 0, 1)) } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    for (let p = 0; p < pages; p++) {
      if (p > 0) doc.addPage();
      for (let y = 72; y < 700; y += 14) doc.rect(72, y, 300 + ((y * 7) % 150), 8).fill("#444");
    }
    doc.end();
  });
}

/** Deterministic noise. */
function noise(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out[i] = s & 0xff;
  }
  return out;
}

export type Expected =
  | { status: "failed"; code: string }
  | { status: "duplicate" }
  | { status: "ok" | "partial" };

/** A text file that is refused with `code`, and what ingest should say of it. */
function refusedText(text: string, code: string): [Buffer, Expected] {
  return [Buffer.from(text), { status: "failed", code }];
}

export async function makeBadInputs(dir: string): Promise<Record<string, Expected>> {
  mkdirSync(dir, { recursive: true });
  const report = readFileSync(join(ROOT, "corpus", "2023-01-blackburn-with-darwen.txt"), "utf8");
  const pdf = await renderReportPdf(report);
  const files: Record<string, [Buffer, Expected]> = {
    // A download cut at 30%: no %%EOF, most of the document missing.
    "cut-download.pdf": [
      pdf.subarray(0, Math.floor(pdf.length * 0.3)),
      { status: "failed", code: "E_TRUNCATED" },
    ],
    // Its cross-reference table and trailer overwritten.
    "corrupted.pdf": [
      Buffer.concat([Buffer.from("%PDF-1.4\n"), noise(4000, 7), Buffer.from("\nstartxref\n999999\n%%EOF\n")]),
      { status: "failed", code: "E_PDF_CORRUPT" },
    ],
    "password.pdf": [
      await pdfOf(["An inspection of youth offending services in", "Nowhere"], {
        userPassword: "secret",
        ownerPassword: "owner",
      }),
      { status: "failed", code: "E_PDF_ENCRYPTED" },
    ],
    // A scan: each page a picture, no text layer.
    "scanned.pdf": [await scannedPdf(3), { status: "failed", code: "E_NO_TEXT" }],
    // A scan's OCR layer whose fonts lost their map to Unicode (a PDF tool rewrote it): the text is
    // there, but each glyph reads as its number, not as a letter.
    "ocr-layer-unmapped.pdf": [
      tinyPdf(
        [1, 2].map((page) =>
          ["An inspection of youth offending services in", "Nowhere", `Page ${page}`].map((text, i) => ({
            x: 72,
            y: 760 - 30 * i,
            text,
            unmapped: true,
          })),
        ),
      ),
      { status: "failed", code: "E_NO_TEXT" },
    ],
    "parish-minutes.pdf": [
      await pdfOf([
        "Minutes of the parish council",
        "Item 1. The bus shelter.",
        "Item 2. Any other business.",
      ]),
      { status: "failed", code: "E_NOT_A_YOS_REPORT" },
    ],
    "adult-probation.txt": refusedText(
      "An inspection of probation services in\n\nKent\n\nOverall rating\tGood\n1.1\tGovernance and leadership\tGood\n2.1\tAssessment\tGood\n",
      "E_NOT_A_YOS_REPORT",
    ),
    // Inspections of probation services for adults that name youth offending services often (the
    // young adults they take on at 18, a partner at the table): ratings tables whose numbered rows
    // would load as standards 1.1 to 2.4. One by its cover; one whose cover was lost, by its rows.
    "probation-pdu.txt": refusedText(
      `An inspection of probation services in: Newtown PDU\n\nHM Inspectorate of Probation, June 2022\n\nRatings\nNewtown PDU\tScore 12/27\nOverall rating\tRequires improvement\n1.1\tLeadership\tRequires improvement\n1.2\tStaff\tInadequate\n1.3\tServices\tGood\n2.1\tAssessment\tGood\n\n${ADULT_PROSE}`,
      "E_NOT_A_YOS_REPORT",
    ),
    "crc-without-cover.txt": refusedText(
      `Overall rating\tGood\n1.1\tLeadership\tGood\n1.2\tStaff\tGood\n2.1\tAssessment\tGood\n4.1\tUnpaid work\tGood\n4.2\tThrough the Gate\tRequires improvement\n\n${ADULT_PROSE}`,
      "E_NOT_A_YOS_REPORT",
    ),
    // The inspection standards themselves: every standard's heading, its key questions and
    // prompts, and no rating or figure.
    "inspection-standards.txt": refusedText(
      "Standards for inspecting youth offending services\n\nHM Inspectorate of Probation, March 2018\n\nYouth offending teams (YOTs) are inspected against these standards; a YOS is rated on each.\n\nDomain one: Organisational delivery\n1.1 Governance and leadership\nThe governance and leadership of the YOT supports and promotes the delivery of a high-quality service.\n1.2 Staff\nStaff within the YOT are empowered to deliver a high-quality service.\n\nDomain two: Court disposals\n2.1 Assessment\nAssessment is well-informed, analytical and personalised.\n2.1.1 Does assessment sufficiently analyse how to support the child's desistance?\na) Is there sufficient analysis of offending behaviour?\n2.2 Planning\nPlanning is well-informed, holistic and personalised, involving the youth justice service's partners.\n",
      "E_NOT_A_YOS_REPORT",
    ),
    // A research bulletin: key questions' percentages across many inspections, under no area.
    "research-bulletin.txt": refusedText(
      "HM Inspectorate of Probation\nResearch & Analysis Bulletin 2021/07\nThe quality of youth offending services' work: findings from our inspections\n\nWe inspected 40 youth offending services (YOS) and examined 1,500 court disposals. Youth justice services did well on desistance; YOTs less so on safety; the YOS were rated on each standard.\n\n2.1 Assessment\nKey question\t% 'Yes'\nDoes assessment sufficiently analyse how to support the child's desistance?\t82%\nDoes assessment sufficiently analyse how to keep the child safe?\t71%\nDoes assessment sufficiently analyse how to keep other people safe?\t63%\n",
      "E_NOT_A_YOS_REPORT",
    ),
    // A youth justice inspection of the later programme: a ratings table of its own framework,
    // whose numbered rows must not be read as standards 1.1 to 4.1.
    "later-programme.txt": refusedText(
      "An inspection of youth justice work with children and victims in\n\nNewtown\n\nHM Inspectorate of Probation, March 2025\n\nOverall rating\tGood\n1.1\tAssessing\tGood\n1.2\tPlanning\tRequires improvement\n2.1\tWork with victims\tGood\n\nNewtown Youth Justice Service (YJS) ...\n",
      "E_OTHER_FRAMEWORK",
    ),
    // An inspection of the programme before the 2018 standards (a full joint inspection): its
    // cases scored on other headings, its governance judged "Satisfactory", no standard rated.
    "earlier-programme.txt": refusedText(
      "Full Joint Inspection\n\nReport on youth offending work in:\n\nOldtown\n\nAn inspection led by HMI Probation\n\nMay 2016\n\nScoring summary\n\nReducing reoffending\t70%\nProtecting the public\t65%\nProtecting the child or young person\t68%\nEnsuring the sentence is served\t80%\nGovernance and partnerships\tSatisfactory\n\n1. Reducing reoffending\n\nWork to reduce reoffending by the youth offending service (YOS) was satisfactory.\n",
      "E_OTHER_FRAMEWORK",
    ),
    // The Welsh-language edition of a report on a service in Wales (the English one is published
    // beside it): its ratings table would load under Welsh names and ratings.
    "welsh-edition.txt": refusedText(
      "Arolygiad o wasanaethau troseddwyr ifanc\n\nTrefnewydd\n\nArolygiaeth Prawf EM, Mawrth 2020\n\nMae'r gwasanaeth yn dda ac yn gweithio yn effeithiol.\n\nSgôr gyffredinol\tDa\n1.1\tLlywodraethu ac arweinyddiaeth\tDa\n2.1\tAsesu\tDa\n\nGwasanaeth Troseddwyr Ifanc (YOS) Trefnewydd ...\n",
      "E_WELSH_EDITION",
    ),
    // The inspectorate's annual report: every inspected service's ratings, one after another.
    "annual-report.txt": refusedText(
      "Annual report: inspection of youth offending services (2019-2020)\n\nNOVEMBER 2020\n\nInspection ratings 2019-2020\n\nNewtown YOS\n\nOverall rating\tGood\n1.1\tGovernance and leadership\tGood\n2.1\tAssessment\tRequires improvement\n\nOldtown YOT\n\nOverall rating\tInadequate\n1.1\tGovernance and leadership\tInadequate\n",
      "E_NOT_A_YOS_REPORT",
    ),
    // Two reports joined in one file (texts run together, a PDF of a year's reports): one
    // report's ratings would load beside the other's prompts.
    "two-reports.txt": refusedText(
      `${report}\n${readFileSync(join(ROOT, "corpus", "2019-croydon.txt"), "utf8")}`,
      "E_SEVERAL_REPORTS",
    ),
    // A Word document (a zip) renamed .pdf.
    "letter.pdf": [
      Buffer.concat([Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000"), noise(2000, 3)]),
      { status: "failed", code: "E_UNSUPPORTED_FORMAT" },
    ],
    "empty.txt": [Buffer.alloc(0), { status: "failed", code: "E_EMPTY" }],
    "noise.txt": [noise(5000, 11), { status: "failed", code: "E_UNSUPPORTED_FORMAT" }],
    "blackburn.txt": [Buffer.from(report), { status: "ok" }],
    "blackburn (1).txt": [Buffer.from(report), { status: "duplicate" }],
  };
  const expected: Record<string, Expected> = {};
  for (const [name, [bytes, outcome]] of Object.entries(files)) {
    writeFileSync(join(dir, name), bytes);
    expected[name] = outcome;
  }
  return expected;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = process.argv[2] ?? join(ROOT, "out", "bad-inputs");
  makeBadInputs(dir).then((e) => console.log(`wrote ${Object.keys(e).length} files to ${dir}`));
}
