import { CstParser, EOF, tokenMatcher, type IOrAlt, type IToken, type TokenType } from "chevrotain";
// The lexer is built before the parser: the other way round, Chevrotain's token analysis leaves the parser
// misreading the token categories (it hangs in error recovery), whichever module a caller imports first.
import "../lexer/lexer.ts";
import * as T from "../lexer/tokens.ts";
import { isCapitalized, isUpperCaseWord } from "../lexer/letters.ts";
import {
  DATE_PART_UNITS,
  ISSUER_INNER_WORDS,
  MONEY_SCALES,
  NUMBER_WORD_STARTS,
  AMOUNT_WORDS_LEAD,
  QUANTITY_UNITS,
  SUBJECT_OPENERS,
  isAbbreviatedUnit,
  isBodyNameWord,
} from "../vi/lexicon.ts";
import { NAME_HONORIFICS } from "../vi/names.ts";
import { AMENDING_WORDS, ATTACHED_MARK, AUTHORITY_KINDS, DRAFT_MARK, KIND_BY_HEADING, NAME_ONLY_TYPES, NAMED_TYPES, SIGNATURE_NOTE } from "../vi/layout.ts";

const LABELS: readonly TokenType[] = [T.PartLabel, T.CapitalLabel, T.ArticleLabel, T.RomanLabel, T.DecimalLabel, T.ArabicLabel, T.LetterLabel, T.DashItem, T.PlusItem];
/** The units of a quantity by their first word, longest first. */
const UNITS_BY_FIRST_WORD = new Map<string, string[][]>();
for (const unit of [...QUANTITY_UNITS].map((words) => words.split(" ")).sort((a, b) => b.length - a.length)) {
  const key = unit[0] as string;
  UNITS_BY_FIRST_WORD.set(key, [...(UNITS_BY_FIRST_WORD.get(key) ?? []), unit]);
}

/** The token types an inline entity can start with: what the gates of `inlineItem`'s alternatives accept as LA(1). */
const ENTITY_STARTS: ReadonlySet<TokenType> = new Set([T.DocType, T.SlashDate, T.Ngay, T.Thang, T.Amount, T.NumberToken, T.UnitCaption, T.TotalMark]);

/**
 * The grammar of a plan, over the normalised text (one paragraph per line).
 *
 * Block level: `plan := preface? header? titleBlock? preamble issuance? body closing? tail`, each block a
 * run of lines chosen by what the line starts with (gates look along the line where one token is not enough).
 * Inline level: `lineContent := (reference | date | money | quantity | token)*` finds the entities in a line.
 * The section tree is not decided here: labels are kept flat and nested by their numbering in the builder.
 */
export class PlanParser extends CstParser {
  constructor() {
    super(T.allTokens, { maxLookahead: 1, recoveryEnabled: true, nodeLocationTracking: "onlyOffset" });
    this.performSelfAnalysis();
  }

  public plan = this.RULE("plan", () => {
    this.ACTION(() => this.resetTail());
    this.MANY(() => this.CONSUME(T.Newline));
    this.MANY2({ GATE: () => this.LA(1).tokenType === T.Timestamp, DEF: () => this.SUBRULE(this.stampLine) });
    this.MANY3({ GATE: () => this.headerLineAhead(), DEF: () => this.SUBRULE(this.headerLine) });
    this.OPTION(() => this.SUBRULE(this.titleBlock));
    this.SUBRULE(this.document);
  });

  /**
   * A line of the header that none of its forms reads (a draft's `(Dự thảo)` mark, a note on the copy):
   * skipped, so that the type heading under it still opens the title block and the preamble.
   */
  public strayHeaderLine = this.RULE("strayHeaderLine", () => {
    this.SUBRULE(this.lineContent);
  });

  /**
   * A document attached after the closing of the one that issues it (`QUYẾT ĐỊNH … Phê duyệt Kế hoạch …`
   * followed by the plan): it opens with its own header (the motto) or its own type heading.
   */
  public attachment = this.RULE("attachment", () => {
    this.OR([
      {
        GATE: () => this.LA(1).tokenType !== T.TypeHeading,
        ALT: () => {
          this.AT_LEAST_ONE({ GATE: () => this.headerLineAhead(), DEF: () => this.SUBRULE(this.headerLine) });
          this.OPTION(() => this.SUBRULE(this.titleBlock));
        },
      },
      { ALT: () => this.SUBRULE2(this.titleBlock) },
    ]);
    this.ACTION(() => {
      this.attachmentDepth++;
      this.resetTail();
    });
    this.SUBRULE(this.document);
    this.ACTION(() => this.attachmentDepth--);
  });

  /** What follows the title: the preamble, the body, the closing and what comes after it. */
  public document = this.RULE("document", () => {
    this.OPTION({ GATE: () => this.LA(1).tokenType === T.AddresseesHeading, DEF: () => this.SUBRULE(this.addressees) });
    this.MANY7({ GATE: () => this.authorityLineAhead(), DEF: () => this.SUBRULE(this.authorityLine) });
    this.MANY4({
      GATE: () => this.basisAhead() || this.LA(1).tokenType === T.Proposal,
      DEF: () =>
        this.OR([
          { GATE: () => this.LA(1).tokenType === T.Proposal, ALT: () => this.SUBRULE(this.proposalLine) },
          { ALT: () => this.SUBRULE(this.basisLine) },
        ]),
    });
    this.OPTION2({ GATE: () => this.issuanceAhead(), DEF: () => this.SUBRULE(this.issuanceLine) });
    this.bodyAndTail();
  });

  /**
   * The rest of the issuing document from a line of its body on: a long plan's body is read a chunk at a
   * time (`chunked.ts`), the first chunk by `plan`, each later one by this rule, the parser's state kept.
   */
  public documentRest = this.RULE("documentRest", () => {
    this.bodyAndTail();
  });

  /** Inlined into `document` and `documentRest`: the body's lines, the closing, what follows it. */
  private bodyAndTail(): void {
    this.MANY5({ GATE: () => this.bodyLineAhead(), DEF: () => this.SUBRULE(this.bodyLine) });
    this.OPTION3({ GATE: () => this.closingAhead(), DEF: () => this.SUBRULE(this.closingLine) });
    this.MANY6({
      // An attachment's own tail ends where the next attachment begins: attachments are siblings.
      GATE: () => this.LA(1).tokenType !== EOF && !(this.attachmentDepth > 0 && this.attachmentAhead()),
      DEF: () => this.SUBRULE(this.tailBlock),
    });
  }

  /** The whole input was read (a rule returns where its last repetition stopped, not at the end). */
  public atEnd(): boolean {
    return this.LA(1).tokenType === EOF;
  }

  // --- header ------------------------------------------------------------------------------------
  public headerLine = this.RULE("headerLine", () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.CONSUME(T.Motto) },
        { ALT: () => this.SUBRULE(this.numberLine) },
        { GATE: () => this.placeDateAhead(), ALT: () => this.SUBRULE(this.placeDateLine) },
        { ALT: () => this.SUBRULE(this.subjectLine) },
        // Before the issuer: a line in capitals (`DỰ THẢO`) stays an issuer line, as before.
        { GATE: () => this.strayHeaderLineAhead(), ALT: () => this.SUBRULE(this.strayHeaderLine) },
        { ALT: () => this.SUBRULE(this.issuerLine) },
      ],
    });
    this.SUBRULE(this.lineEnd);
  });

  public numberLine = this.RULE("numberLine", () => {
    this.CONSUME(T.NumberField);
    this.SUBRULE(this.lineContent);
  });

  /** `Lai Châu, ngày 05 tháng 3 năm 2024`, `Lai Châu, 05/3/2024`: the place's tokens, then the date in the line's content. */
  public placeDateLine = this.RULE("placeDateLine", () => {
    this.AT_LEAST_ONE({ GATE: () => this.LA(1).tokenType !== T.Ngay && this.LA(1).tokenType !== T.SlashDate, DEF: () => this.CONSUME(T.Inline) });
    this.SUBRULE(this.lineContent);
  });

  /** `V/v …`: the summary of an official letter (công văn), printed under its number. */
  public subjectLine = this.RULE("subjectLine", () => {
    this.CONSUME(T.SubjectMark);
    this.SUBRULE(this.lineContent);
  });

  public issuerLine = this.RULE("issuerLine", () => {
    this.SUBRULE(this.lineContent);
  });

  // --- type heading and title --------------------------------------------------------------------
  public titleBlock = this.RULE("titleBlock", () => {
    const heading = this.CONSUME(T.TypeHeading);
    this.ACTION(() => {
      const kind = KIND_BY_HEADING.get(heading.image.trim());
      this.capitalTitle = kind !== undefined && !AUTHORITY_KINDS.has(kind);
    });
    this.SUBRULE(this.lineEnd);
    // A draft's mark under the type heading is no title line.
    this.OPTION({
      GATE: () => this.draftMarkAhead(),
      DEF: () => {
        this.SUBRULE(this.strayHeaderLine);
        this.SUBRULE2(this.lineEnd);
      },
    });
    let lines = 0;
    this.MANY({
      GATE: () => this.titleLineAhead(lines === 0),
      DEF: () => {
        const first = lines === 0;
        this.ACTION(() => {
          if (first) this.titleInCapitals = this.isUpperCaseLine(this.lineAhead());
        });
        this.SUBRULE(this.titleLine);
        lines++;
      },
    });
  });

  public titleLine = this.RULE("titleLine", () => {
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
  });

  /** The issuing authority of a decision, in capitals under its title: `GIÁM ĐỐC SỞ CÔNG THƯƠNG`. */
  public authorityLine = this.RULE("authorityLine", () => {
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
  });

  // --- preamble ----------------------------------------------------------------------------------
  /** `Căn cứ …;` or `Thực hiện <document> …` paragraph. */
  public basisLine = this.RULE("basisLine", () => {
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.CanCu) }, { ALT: () => this.CONSUME(T.ThucHien) }]));
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
  });

  /** `Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …;`: who proposed it, not a legal basis. */
  public proposalLine = this.RULE("proposalLine", () => {
    this.CONSUME(T.Proposal);
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
  });

  public issuanceLine = this.RULE("issuanceLine", () => {
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
  });

  // --- body --------------------------------------------------------------------------------------
  public bodyLine = this.RULE("bodyLine", () => {
    this.OPTION(() => this.SUBRULE(this.label));
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
  });

  public label = this.RULE("label", () => {
    this.OR(LABELS.map((token) => ({ ALT: () => this.CONSUME(token) })));
  });

  public closingLine = this.RULE("closingLine", () => {
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
  });

  // --- after the body: recipients, signature, stamps, appendix, in any order -------------------
  public tailBlock = this.RULE("tailBlock", () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.attachmentAhead(), ALT: () => this.SUBRULE(this.attachment) },
        { ALT: () => this.SUBRULE(this.recipients) },
        { GATE: () => this.signatureLineAhead(), ALT: () => this.SUBRULE(this.signature) },
        { ALT: () => this.SUBRULE(this.stampLine) },
        // The two columns of the closing read one after the other in pieces (a page break inside the
        // table, an extraction that interleaves them): recipients go on after the signing block, and
        // the signer's name comes after the recipients — while nothing else has come between.
        { GATE: () => this.recipientsResumeAhead(), ALT: () => this.SUBRULE(this.recipientsResumed) },
        { GATE: () => this.lateSignerAhead(), ALT: () => this.SUBRULE(this.signerLine) },
        { ALT: () => this.SUBRULE(this.otherLine) },
      ],
    });
  });

  public recipientsResumed = this.RULE("recipientsResumed", () => {
    this.AT_LEAST_ONE({ GATE: () => this.recipientsResumeAhead(), DEF: () => this.SUBRULE(this.recipientItem) });
  });

  /** `Kính gửi:` and the addressees of a letter or report, as the items of a recipients list. */
  public addressees = this.RULE("addressees", () => {
    this.CONSUME(T.AddresseesHeading);
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.DashItem || this.LA(1).tokenType === T.PlusItem,
      DEF: () => this.SUBRULE(this.recipientItem),
    });
  });

  public recipients = this.RULE("recipients", () => {
    this.CONSUME(T.RecipientsHeading);
    this.ACTION(() => (this.recipientsSeen = true));
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
    this.MANY({ GATE: () => this.recipientItemAhead(), DEF: () => this.SUBRULE(this.recipientItem) });
  });

  /** `- Bộ Nội vụ (báo cáo);`, `- Báo Lai Châu; Đài PTTH tỉnh;` (two), with the lines it wraps onto. */
  public recipientItem = this.RULE("recipientItem", () => {
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.DashItem) }, { ALT: () => this.CONSUME(T.PlusItem) }]));
    this.SUBRULE(this.recipientNames);
    this.ACTION(() => this.noteRecipientEnd());
    this.SUBRULE(this.lineEnd);
    this.MANY({ GATE: () => this.recipientWrapAhead(), DEF: () => this.SUBRULE(this.recipientWrap) });
  });

  /** The recipients of one line, each up to its `;` (a stray `;` is skipped). */
  public recipientNames = this.RULE("recipientNames", () => {
    this.MANY({
      GATE: () => !this.atLineEnd(),
      DEF: () =>
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            { GATE: () => this.LA(1).tokenType === T.Semicolon, ALT: () => this.CONSUME(T.Semicolon) },
            { ALT: () => this.SUBRULE(this.recipientName) },
          ],
        }),
    });
  });

  /** One recipient, up to and with its `;`. */
  public recipientName = this.RULE("recipientName", () => {
    this.AT_LEAST_ONE({
      GATE: () => this.LA(1).tokenType !== T.Semicolon && !this.atLineEnd(),
      DEF: () => this.inlineItem(),
    });
    this.OPTION(() => this.CONSUME(T.Semicolon));
  });

  /**
   * A line that goes on with the recipient above, which did not end with `;` or `.`: `(để đưa tin);`,
   * `phòng: KGVX, TH, …;`. Its first name continues that recipient.
   */
  public recipientWrap = this.RULE("recipientWrap", () => {
    this.SUBRULE(this.recipientNames);
    this.ACTION(() => this.noteRecipientEnd());
    this.SUBRULE(this.lineEnd);
  });

  public signature = this.RULE("signature", () => {
    this.AT_LEAST_ONE({ GATE: () => this.signatureLineAhead() && !this.signatureNoteAhead(), DEF: () => this.SUBRULE(this.signatureLine) });
    // A seal or a scribble read by OCR (`ñ Bề`) can sit between the lines of the block, and so can the
    // `(Đã ký)` note of a published copy, where the signature was: neither ends the block before the name.
    this.MANY({
      GATE: () => this.signatureNoteAhead() || this.signatureLineAhead() || this.markLineAhead(),
      DEF: () =>
        this.OR([
          { GATE: () => this.signatureNoteAhead(), ALT: () => this.SUBRULE(this.signatureNote) },
          { GATE: () => this.signatureLineAhead(), ALT: () => this.SUBRULE2(this.signatureLine) },
          { ALT: () => this.SUBRULE(this.markLine) },
        ]),
    });
    this.ACTION(() => (this.signerMissing = true));
    this.OPTION({
      GATE: () => this.nameLineAhead(),
      DEF: () => {
        this.SUBRULE(this.signerLine);
        this.ACTION(() => (this.signerMissing = false));
      },
    });
  });

  /** A few stray characters (seal, signature strokes) on a line of their own. */
  public markLine = this.RULE("markLine", () => {
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
  });

  /** `(Đã ký)`, `(Ký, ghi rõ họ tên)`: where the signature was, in a copy or a form (not a position). */
  public signatureNote = this.RULE("signatureNote", () => {
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
  });

  public signatureLine = this.RULE("signatureLine", () => {
    this.OPTION(() => this.CONSUME(T.SignPrefix));
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
  });

  public signerLine = this.RULE("signerLine", () => {
    this.SUBRULE(this.lineContent);
    this.SUBRULE(this.lineEnd);
  });

  public stampLine = this.RULE("stampLine", () => {
    this.CONSUME(T.Timestamp);
    this.SUBRULE(this.lineEnd);
    this.OPTION({ GATE: () => this.nameLineAhead(), DEF: () => this.SUBRULE(this.signerLine) });
  });

  public otherLine = this.RULE("otherLine", () => {
    this.ACTION(() => {
      if (!this.atLineEnd()) this.closingOnly = false;
    });
    this.OR([
      { ALT: () => this.CONSUME(T.Newline) },
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => this.inlineItem());
          this.SUBRULE(this.lineEnd);
        },
      },
    ]);
  });

  /** Every line ends in a newline: the caller appends one to the last line, so no line rule is empty. */
  public lineEnd = this.RULE("lineEnd", () => {
    this.CONSUME(T.Newline);
  });

  // --- inline ------------------------------------------------------------------------------------
  public lineContent = this.RULE("lineContent", () => {
    this.MANY(() => this.inlineItem());
  });

  /**
   * One item of a line's running text: an entity (reference, date, money, quantity) or a plain token.
   * Inlined into the rules that read running text rather than a rule of its own, so that a plain token
   * is a token in its line's node, not a node of its own: the CST of a plan is mostly plain words.
   */
  private inlineItem(): void {
    // A token no entity starts with is a plain token: the OR's last alternative, taken without running
    // the seven gates before it (Chevrotain runs every gate of an OR before its paths). Most tokens of a
    // plan are plain words. While the grammar is being recorded, the OR alone is seen.
    const next = this.LA(1);
    if (this.plainShortcut && !this.RECORDING_PHASE && !ENTITY_STARTS.has(next.tokenType) && tokenMatcher(next, T.Inline)) {
      this.CONSUME(T.Inline);
      return;
    }
    // OR9: the rules that inline this may have ORs of their own; Chevrotain tells them apart by index.
    // The alternatives are built once (Chevrotain's performance guide): this runs once per token.
    this.OR9({ IGNORE_AMBIGUITIES: true, DEF: (this.inlineAlternatives ??= this.makeInlineAlternatives()) });
  }

  /** Off only in the test that holds the shortcut to the OR's own choice. */
  plainShortcut = true;

  private inlineAlternatives: IOrAlt<void>[] | undefined;

  /** Each gate below looks first at LA(1): a token of a type outside `ENTITY_STARTS` passes none of them. */
  private makeInlineAlternatives(): IOrAlt<void>[] {
    return [
      { GATE: () => this.referenceAhead(), ALT: () => this.SUBRULE(this.reference) },
      { GATE: () => this.namedReferenceAhead(), ALT: () => this.SUBRULE(this.namedReference) },
      { GATE: () => this.dateAhead(), ALT: () => this.SUBRULE(this.date) },
      { GATE: () => this.moneyAhead(), ALT: () => this.SUBRULE(this.money) },
      { GATE: () => this.LA(1).tokenType === T.UnitCaption, ALT: () => this.SUBRULE(this.unitCaption) },
      { GATE: () => this.tableTotalAhead(), ALT: () => this.SUBRULE(this.tableTotal) },
      { GATE: () => this.quantityAhead(), ALT: () => this.SUBRULE(this.quantity) },
      { ALT: () => this.CONSUME(T.Inline) },
    ];
  }

  /** `Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022 của Thủ tướng Chính phủ` */
  public reference = this.RULE("reference", () => {
    this.CONSUME(T.DocType);
    this.OPTION(() => this.CONSUME(T.So));
    this.OR([{ ALT: () => this.CONSUME(T.DocNumber) }, { ALT: () => this.CONSUME(T.NumberToken) }]);
    this.OPTION2({
      GATE: () => this.LA(1).tokenType === T.Word && this.LA(2).tokenType === T.Ngay,
      DEF: () => this.CONSUME(T.Word),
    });
    // `Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị`: a Party document's date after a comma.
    this.OPTION6({
      GATE: () => this.LA(1).tokenType === T.Comma && (this.LA(2).tokenType === T.Ngay || this.LA(2).tokenType === T.SlashDate),
      DEF: () => this.CONSUME(T.Comma),
    });
    this.OPTION3({ GATE: () => this.dateAhead(), DEF: () => this.SUBRULE(this.date) });
    this.OPTION4({ GATE: () => this.issuerWordAhead(2), DEF: () => this.SUBRULE(this.issuerPhrase) });
    this.OPTION5({ GATE: () => this.dateAhead(), DEF: () => this.SUBRULE2(this.date) });
  });

  /** A law cited by its name: `Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 26/8/2024`. */
  public namedReference = this.RULE("namedReference", () => {
    this.CONSUME(T.DocType);
    this.SUBRULE(this.documentName);
    // `Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày …`: the name, then the number (the
    // name stops at this `số`, which is read here so the number and the date after it stay in the citation).
    this.OPTION2({
      GATE: () => this.LA(1).tokenType === T.So,
      DEF: () => {
        this.CONSUME(T.So);
        this.OR([{ ALT: () => this.CONSUME(T.DocNumber) }, { ALT: () => this.CONSUME(T.NumberToken) }]);
      },
    });
    this.OPTION({ GATE: () => this.dateAhead(), DEF: () => this.SUBRULE(this.date) });
  });

  public documentName = this.RULE("documentName", () => {
    this.AT_LEAST_ONE({
      GATE: () => {
        const type = this.LA(1).tokenType;
        // `số` ends the name only before a number (`Luật số 42/2024/QH15`), not in `một số điều`.
        const number = type === T.So && (this.LA(2).tokenType === T.DocNumber || this.LA(2).tokenType === T.NumberToken);
        // `Luật Báo chí và các quy định …`, `Luật Thanh tra. Tăng cường …`: `và các` goes on to other texts, a
        // full stop before a space or the line's end closes the sentence (`66.4.2025/NQ-CP` goes on).
        const others = this.LA(1).image === "và" && this.LA(2).image === "các";
        const after = this.LA(2);
        const fullStop = type === T.Period && (after.tokenType === T.Newline || after.tokenType === EOF || after.startOffset !== (this.LA(1).endOffset ?? NaN) + 1);
        return type !== T.Ngay && !number && !others && !fullStop && type !== T.Semicolon && type !== T.Newline && type !== T.LParen && type !== EOF;
      },
      DEF: () => this.CONSUME(T.Inline),
    });
  });

  public issuerPhrase = this.RULE("issuerPhrase", () => {
    this.CONSUME(T.Cua);
    this.AT_LEAST_ONE({
      GATE: () => this.issuerWordAhead(1),
      DEF: () => this.OR([{ ALT: () => this.CONSUME(T.Word) }, { ALT: () => this.CONSUME(T.Dong) }]),
    });
  });

  /** `ngày 18 tháng 01 năm 2022`, `ngày  tháng 3 năm 2023`, `tháng 3 năm 2023`, `18/01/2022` */
  public date = this.RULE("date", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.SlashDate) },
      {
        ALT: () => {
          this.CONSUME(T.Ngay);
          this.OPTION(() => this.OR2([{ ALT: () => this.CONSUME2(T.SlashDate) }, { ALT: () => this.CONSUME(T.NumberToken) }]));
          this.OPTION2({
            GATE: () => this.LA(1).tokenType === T.Thang && this.LA(2).tokenType !== T.Slash,
            DEF: () => this.SUBRULE(this.monthYear),
          });
        },
      },
      { ALT: () => this.SUBRULE2(this.monthYear) },
    ]);
  });

  /** `tháng 3 năm 2023`, also with blanks left in a draft: `tháng  năm 2023`. */
  public monthYear = this.RULE("monthYear", () => {
    this.CONSUME(T.Thang);
    this.OPTION(() => this.CONSUME(T.NumberToken));
    this.OPTION2({
      GATE: () => this.LA(1).tokenType === T.Nam,
      DEF: () => {
        this.CONSUME(T.Nam);
        this.OPTION3(() => this.CONSUME2(T.NumberToken));
      },
    });
  });

  /** `9.753.000.000 đồng (Chín tỷ, bảy trăm năm mươi ba triệu đồng)`, `2,5 tỷ đồng` */
  public money = this.RULE("money", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Amount) }, { ALT: () => this.CONSUME(T.NumberToken) }]);
    this.OPTION(() => this.CONSUME(T.Word));
    this.CONSUME(T.Dong);
    this.OPTION2({ GATE: () => this.numberWordsAhead(), DEF: () => this.SUBRULE(this.amountWords) });
  });

  /** `Đơn vị tính: triệu đồng`, `ĐVT: 1.000 đồng`, `Đơn vị tính: người`: the unit of a table's figures. */
  public unitCaption = this.RULE("unitCaption", () => {
    this.CONSUME(T.UnitCaption);
    this.OPTION(() => this.CONSUME(T.Colon));
    this.OPTION2(() => this.OR([{ ALT: () => this.CONSUME(T.Amount) }, { ALT: () => this.CONSUME(T.NumberToken) }]));
    this.OPTION3({ GATE: () => this.LA(1).tokenType === T.Word && MONEY_SCALES.has(this.LA(1).image.toLowerCase()), DEF: () => this.CONSUME(T.Word) });
    this.OPTION4(() => this.CONSUME(T.Dong));
  });

  /**
   * A table's total row, `Tổng cộng: 80` with the figure ending the line, or `Tổng cộng` alone when the
   * table's cells come one per line (the figure is then the next line: the builder takes it).
   */
  public tableTotal = this.RULE("tableTotal", () => {
    this.CONSUME(T.TotalMark);
    this.OPTION(() => this.CONSUME(T.Colon));
    this.OPTION2(() => this.OR([{ ALT: () => this.CONSUME(T.Amount) }, { ALT: () => this.CONSUME(T.NumberToken) }]));
  });

  public amountWords = this.RULE("amountWords", () => {
    this.CONSUME(T.LParen);
    this.MANY({
      GATE: () => this.LA(1).tokenType !== T.RParen && this.LA(1).tokenType !== T.Newline,
      DEF: () => this.CONSUME(T.Inline),
    });
    this.OPTION(() => this.CONSUME(T.RParen));
  });

  /** `106 cán bộ`, `03 ngày/lớp`, `02 mục/03 thứ tiếng/quý`, `05-10 phút/chương trình` */
  public quantity = this.RULE("quantity", () => {
    // `125.712 hồ sơ`: a count with dotted thousands lexes as an Amount.
    this.OR([{ ALT: () => this.CONSUME(T.NumberToken) }, { ALT: () => this.CONSUME(T.Amount) }]);
    this.OPTION(() => {
      this.CONSUME(T.Dash);
      this.CONSUME2(T.NumberToken);
    });
    this.SUBRULE(this.unit);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Slash && this.perAhead(),
      DEF: () => {
        this.CONSUME(T.Slash);
        this.OPTION2(() => this.CONSUME3(T.NumberToken));
        this.SUBRULE2(this.unit);
      },
    });
  });

  public unit = this.RULE("unit", () => {
    this.ACTION(() => {
      this.unitWordsLeft = this.unitLengthAt(1) || 1;
    });
    this.AT_LEAST_ONE({ GATE: () => this.unitWordsLeft > 0, DEF: () => {
      this.CONSUME(T.Inline);
      this.ACTION(() => {
        this.unitWordsLeft--;
      });
    } });
  });

  // --- gates -------------------------------------------------------------------------------------
  //
  // Deviations from a pure LL(1) grammar over tokens, each for a property of the genre that a token does
  // not carry. Every gate helper below names the one it is an instance of:
  // - CAPITALS: issuer lines, a decision's authority line and the signing block's position are told from
  //   running text by being written wholly in capitals: a property of every word of the line. An
  //   upper-case word token would clash with `Word` in every other rule.
  // - LINE END: the issuing sentence ends in `:`, the closing formula in `./.`, a recipient in `;` or
  //   nothing: the line's last token decides what the line is, beyond any fixed lookahead.
  // - LEXICON: units, issuer words, money scales, the attached-document mark, a draft's mark, the
  //   `(Đã ký)` note are open word lists (data in `vi/`), not hundreds of keyword tokens.
  // - TAIL STATE: the closing block's two columns (recipients | signing) reach the grammar interleaved; what
  //   a line continues depends on what came before it in the tail (`recipientsSeen`, `signerMissing`,
  //   `closingOnly`, `recipientOpen`, `attachmentDepth`).
  // - NAME: a signer's name is two to seven capitalised words and nothing else.
  // - SHAPE: the shape of a date, an amount, a count or a citation is decided by the next two to four
  //   tokens (`ngày` + number, figure + `đồng`), which `maxLookahead: 1` keeps out of the generated lookahead.
  private unitWordsLeft = 0;

  /** Tokens from LA(1) up to the end of the line (at most `limit`). */
  private lineAhead(limit = 400): IToken[] {
    const tokens: IToken[] = [];
    for (let k = 1; k <= limit; k++) {
      const token = this.LA(k);
      if (token.tokenType === EOF || token.tokenType === T.Newline) break;
      tokens.push(token);
    }
    return tokens;
  }

  private atLineEnd(): boolean {
    const type = this.LA(1).tokenType;
    return type === EOF || type === T.Newline;
  }

  /** Every token with letters is in capitals (issuer lines, positions in the signature block). (deviation: CAPITALS) */
  private isUpperCaseLine(tokens: IToken[]): boolean {
    let words = 0;
    for (const token of tokens) {
      if (token.tokenType === T.TypeHeading || token.tokenType === T.Motto || token.tokenType === T.Timestamp) return false;
      const image = token.image;
      if (image.toLowerCase() === image.toUpperCase()) continue;
      if (!isUpperCaseWord(image)) return false;
      words++;
    }
    return words > 0 && tokens.length <= 16;
  }

  /** A header line: the motto, `Số:`, a place and date, a `V/v` summary, or a line in capitals that names a body. Deviation: CAPITALS. */
  private headerLineAhead(): boolean {
    const type = this.LA(1).tokenType;
    if (type === T.Motto || type === T.NumberField || type === T.SubjectMark) return true;
    if (type === T.TypeHeading || this.atLineEnd()) return false;
    if (this.placeDateAhead()) return true;
    const tokens = this.lineAhead(20);
    // A line in capitals is an issuer line when one of its words can name a Vietnamese body: the
    // title of a README (`# README`, `LICENSE`) is in capitals too, and is no issuer.
    if (this.isUpperCaseLine(tokens) && !LABELS.includes(type) && type !== T.SignPrefix && tokens.some((t) => isBodyNameWord(t.image))) {
      return true;
    }
    return this.strayHeaderLineAhead();
  }

  /**
   * A line the header forms do not know, inside the header: right after a header line (never the
   * document's first line) and with the type heading at most two short lines below it. Without this the
   * one odd line ends the header, and the type heading, the title and every `Căn cứ` are read as body.
   * Deviation: LEXICON.
   */
  private strayHeaderLineAhead(): boolean {
    const type = this.LA(1).tokenType;
    if (this.atLineEnd()) return false;
    // A draft's mark is no part of the header wherever it stands, the first line too.
    if (this.draftMarkAhead()) return true;
    if (this.LA(0).tokenType !== T.Newline) return false;
    if (type === T.TypeHeading || type === T.CanCu || type === T.ThucHien || type === T.Proposal || LABELS.includes(type)) return false;
    if (type === T.SignPrefix || type === T.RecipientsHeading || type === T.AddresseesHeading || type === T.Timestamp) return false;
    if (this.isUpperCaseLine(this.lineAhead(20))) return false;
    let k = 1;
    for (let line = 0; line < 2; line++) {
      let length = 0;
      for (; this.LA(k).tokenType !== T.Newline; k++) {
        if (this.LA(k).tokenType === EOF || ++length > 16) return false;
      }
      k++;
      if (this.LA(k).tokenType === T.TypeHeading) return true;
    }
    return false;
  }

  /** `(Dự thảo)`, `Dự thảo lần 2` (not in capitals: `DỰ THẢO` is read as a header line in capitals). (deviation: LEXICON) */
  private draftMarkAhead(): boolean {
    const tokens = this.lineAhead(10);
    return tokens.length <= 8 && !this.isUpperCaseLine(tokens) && DRAFT_MARK.test(tokens.map((token) => token.image).join(" "));
  }

  /** A decision's issuing authority under its title (`GIÁM ĐỐC SỞ CÔNG THƯƠNG`). Deviation: CAPITALS. */
  private authorityLineAhead(): boolean {
    const type = this.LA(1).tokenType;
    if (this.atLineEnd() || type === T.TypeHeading || LABELS.includes(type) || type === T.SignPrefix) return false;
    return this.isUpperCaseLine(this.lineAhead(20));
  }

  /**
   * `Lai Châu, ngày 05 tháng 3 năm 2024`, `Lai Châu, 05/3/2024`: a capitalised place, a comma, then a
   * date (a numeric one ends the line). Deviation: SHAPE.
   */
  private placeDateAhead(): boolean {
    const tokens = this.lineAhead(20);
    if (tokens.length > 16 || tokens.length < 3 || !isCapitalized(tokens[0]?.image ?? "")) return false;
    const at = tokens.findIndex((token) => token.tokenType === T.Ngay || token.tokenType === T.Thang || token.tokenType === T.SlashDate);
    if (at < 1 || tokens[at - 1]?.tokenType !== T.Comma) return false;
    if (tokens[at]?.tokenType === T.SlashDate) return tokens.slice(at + 1).every((token) => token.tokenType === T.Period);
    // `ngày 05 tháng 3 năm 2024`, or with a numeric date `ngày 05/3/2024` (no `năm`).
    return tokens.some((token) => token.tokenType === T.Nam) || (tokens[at]?.tokenType === T.Ngay && tokens[at + 1]?.tokenType === T.SlashDate);
  }

  /** A line that goes on with the title (sentence case, not a block opener). Deviation: LINE END. */
  private titleLineAhead(first: boolean): boolean {
    if (this.atLineEnd() || this.basisAhead() || this.LA(1).tokenType === T.Proposal || this.attachedLineAhead()) return false;
    if (this.LA(1).tokenType === T.AddresseesHeading) return false;
    const type = this.LA(1).tokenType;
    if (LABELS.includes(type) || type === T.RecipientsHeading || type === T.SignPrefix || type === T.NumberField) return false;
    const tokens = this.lineAhead();
    const last = tokens[tokens.length - 1]?.tokenType;
    // A title does not end a sentence: after its first line, one that ends with a full stop is the body
    // (a notice's opening paragraph).
    if (!first && last === T.Period) return false;
    // A title is in sentence case; a line in capitals after it is the next block (the issuing authority of a
    // decision). Under a heading of a kind without one, a title in capitals is the title, all of it. Deviation: CAPITALS.
    if (last === T.Colon) return false;
    return !this.isUpperCaseLine(tokens) || (this.capitalTitle && (first || this.titleInCapitals));
  }

  /** The type heading's kind has no authority line after its title (AUTHORITY_KINDS). */
  private capitalTitle = false;
  /** The title's first line is in capitals: so are the lines that go on with it. */
  private titleInCapitals = false;

  /** `Căn cứ …`, `Thực hiện <document> …`, or a paragraph that continues the list with the next document. (deviation: SHAPE) */
  private basisAhead(): boolean {
    const type = this.LA(1).tokenType;
    if (type === T.CanCu) return true;
    if (type === T.ThucHien) return this.LA(2).tokenType === T.DocType || this.lineCitesAhead();
    return this.referenceAhead();
  }

  /** The line cites a document by number somewhere (`Thực hiện nhiệm vụ … tại Nghị quyết số 76/NQ-CP …`). (deviation: SHAPE) */
  private lineCitesAhead(): boolean {
    const tokens = this.lineAhead();
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i]?.tokenType !== T.DocType) continue;
      const next = tokens[i + 1]?.tokenType;
      if (next === T.DocNumber || (next === T.So && tokens[i + 2]?.tokenType === T.DocNumber)) return true;
    }
    return false;
  }

  /** The issuing sentence: `… ban hành Kế hoạch … như sau:`, or a decision's `QUYẾT ĐỊNH:`. Deviation: LINE END. */
  private issuanceAhead(): boolean {
    if (this.atLineEnd() || LABELS.includes(this.LA(1).tokenType)) return false;
    const tokens = this.lineAhead();
    if (tokens[tokens.length - 1]?.tokenType !== T.Colon) return false;
    // `… ban hành Kế hoạch … như sau:`, or a decision's own formula in capitals: `QUYẾT ĐỊNH:`.
    return tokens.length > 4 || (tokens.length >= 2 && this.isUpperCaseLine(tokens.slice(0, -1)));
  }

  /** Any line up to the closing formula, the recipients or the signing block. Deviation: LINE END. */
  private bodyLineAhead(): boolean {
    const type = this.LA(1).tokenType;
    if (type === EOF || type === T.RecipientsHeading || type === T.SignPrefix || type === T.Timestamp) return false;
    return !this.closingAhead();
  }

  /** The closing formula ends with `./.`. (deviation: LINE END) */
  private closingAhead(): boolean {
    if (LABELS.includes(this.LA(1).tokenType)) return false;
    const tokens = this.lineAhead();
    return tokens[tokens.length - 1]?.tokenType === T.EndMark;
  }

  /** A recipient line: a `-` item, a line ending in `;`, or the archive line. Deviation: LINE END. */
  private recipientItemAhead(): boolean {
    const type = this.LA(1).tokenType;
    if (type === T.DashItem || type === T.PlusItem) return true;
    if (this.atLineEnd() || type === T.SignPrefix || type === T.Timestamp) return false;
    const tokens = this.lineAhead();
    const last = tokens[tokens.length - 1]?.tokenType;
    return !this.isUpperCaseLine(tokens) && (last === T.Semicolon || tokens[0]?.image === "Lưu");
  }

  /** The tail so far: a recipients list was read; the signing block lacks its name; nothing else came. */
  private recipientsSeen = false;
  private signerMissing = false;
  private closingOnly = true;

  private resetTail(): void {
    this.recipientsSeen = false;
    this.signerMissing = false;
    this.closingOnly = true;
  }

  /** Recipients that go on after the signing block, when nothing else came between. Deviation: TAIL STATE. */
  private recipientsResumeAhead(): boolean {
    const type = this.LA(1).tokenType;
    return this.recipientsSeen && this.closingOnly && (type === T.DashItem || type === T.PlusItem);
  }

  /** The signer's name, after recipients that came between it and its position. Deviation: TAIL STATE. */
  private lateSignerAhead(): boolean {
    return this.signerMissing && this.closingOnly && this.nameLineAhead();
  }

  /** How many attachments the parse is inside (0 in the issuing document). */
  private attachmentDepth = 0;

  /**
   * After the closing, a motto opens an attached document, and so does a type heading whose next lines
   * say it is attached (`(Ban hành kèm theo Quyết định số …)`). A type heading inside an appendix
   * (`PHỤ LỤC II` / `(Kèm theo …)` / `BÁO CÁO`, a form to fill in) is part of the appendix.
   * Deviation: LEXICON.
   */
  private attachmentAhead(): boolean {
    const type = this.LA(1).tokenType;
    if (type === T.Motto) return true;
    if (type !== T.TypeHeading) return this.issuerBeforeMottoAhead();
    let lines = 0;
    for (let k = 2; k < 120 && lines < 4; k++) {
      const token = this.LA(k);
      if (token.tokenType === EOF) return false;
      if (token.tokenType === T.Newline) lines++;
      else if (token.tokenType === T.LParen && this.attachedMarkAt(k + 1)) return true;
    }
    return false;
  }

  /** Up to three lines in capitals (the attached document's issuer), then the motto. (deviation: CAPITALS) */
  private issuerBeforeMottoAhead(): boolean {
    let k = 1;
    for (let line = 0; line < 3; line++) {
      const tokens: IToken[] = [];
      for (; tokens.length < 20; k++) {
        const token = this.LA(k);
        if (token.tokenType === EOF) return false;
        if (token.tokenType === T.Newline) break;
        tokens.push(token);
      }
      if (tokens.length === 0 || tokens.length >= 20 || !this.isUpperCaseLine(tokens) || tokens[0]?.tokenType === T.SignPrefix) return false;
      if (this.LA(k + 1).tokenType === T.Motto) return true;
      k++;
    }
    return false;
  }

  /** `(Ban hành kèm theo Quyết định số …)`: the line under an attached document's title. (deviation: LEXICON) */
  private attachedLineAhead(): boolean {
    return this.LA(1).tokenType === T.LParen && this.attachedMarkAt(2);
  }

  /** `Ban hành kèm theo`, `Kèm theo` from LA(k) on. */
  private attachedMarkAt(k: number): boolean {
    for (let at = k; at <= k + 2; at++) {
      if (ATTACHED_MARK.every((word, i) => this.LA(at + i).image.toLowerCase() === word)) return true;
    }
    return false;
  }

  /** The recipient line just read ended open (no `;`, `.` or `./.`): the next line may wrap it. */
  private recipientOpen = false;

  private noteRecipientEnd(): void {
    const last = this.LA(0).tokenType;
    this.recipientOpen = last !== T.Semicolon && last !== T.Period && last !== T.EndMark && last !== T.Newline;
  }

  /** A line that goes on with the recipient above it (which ended open). Deviation: TAIL STATE. */
  private recipientWrapAhead(): boolean {
    if (!this.recipientOpen) return false;
    const type = this.LA(1).tokenType;
    if (this.atLineEnd() || type === T.DashItem || type === T.PlusItem || type === T.SignPrefix || type === T.Timestamp) return false;
    if (LABELS.includes(type) || type === T.RecipientsHeading || this.LA(1).image === "Lưu") return false;
    const tokens = this.lineAhead(20);
    return !this.isUpperCaseLine(tokens) && !this.nameLineAhead();
  }

  /** A signing prefix line (`KT. CHỦ TỊCH`) or a position in capitals. Deviation: CAPITALS. */
  private signatureLineAhead(): boolean {
    const type = this.LA(1).tokenType;
    if (type === T.SignPrefix) return true;
    if (this.atLineEnd()) return false;
    return this.isUpperCaseLine(this.lineAhead(20));
  }

  /** A published copy's `(Đã ký)` note, or a form's `(Ký, ghi rõ họ tên)`, inside the signing block. Deviation: LEXICON. */
  private signatureNoteAhead(): boolean {
    if (this.atLineEnd()) return false;
    const tokens = this.lineAhead(24);
    return tokens.length <= 22 && SIGNATURE_NOTE.test(tokens.map((token) => token.image).join(" "));
  }

  /** A few stray characters on a line of their own (a seal or strokes read by OCR). Deviation: SHAPE. */
  private markLineAhead(): boolean {
    if (this.atLineEnd() || this.nameLineAhead()) return false;
    const tokens = this.lineAhead(5);
    return tokens.length <= 3 && tokens.reduce((sum, token) => sum + token.image.length, 0) <= 6;
  }

  /** A person's name: two to seven capitalised words and nothing else, after a rank or degree perhaps. (deviation: NAME) */
  private nameLineAhead(): boolean {
    const line = this.lineAhead(14);
    const honorific = NAME_HONORIFICS.find((words) => words.every((word, k) => line[k]?.image === word));
    const tokens = honorific ? line.slice(honorific.length) : line;
    if (tokens.length < 2 || tokens.length > 7) return false;
    const words = tokens.every((token) => token.tokenType === T.Word && isCapitalized(token.image));
    return words && !tokens.every((token) => isUpperCaseWord(token.image));
  }

  /** A type word then a number (`Quyết định số 90/QĐ-TTg`). Deviation: SHAPE. */
  private referenceAhead(): boolean {
    if (this.LA(1).tokenType !== T.DocType) return false;
    const second = this.LA(2).tokenType;
    if (second === T.DocNumber) return true;
    if (second !== T.So) return false;
    const third = this.LA(3).tokenType;
    return third === T.DocNumber || (third === T.NumberToken && this.LA(4).tokenType !== T.Word);
  }

  /** Laws and codes are cited by name (with a date), not by number. (deviation: SHAPE) */
  private namedReferenceAhead(): boolean {
    const first = this.LA(1);
    if (first.tokenType !== T.DocType || !NAMED_TYPES.has(first.image)) return false;
    const second = this.LA(2);
    // The Constitution is named by whatever follows it (`Hiến pháp năm 2013`, `Hiến pháp nước …`).
    if (NAME_ONLY_TYPES.has(first.image)) return second.tokenType !== T.Semicolon && second.tokenType !== T.Newline && second.tokenType !== EOF;
    return second.tokenType === T.Word && (isCapitalized(second.image) || AMENDING_WORDS.has(second.image));
  }

  /** `ngày 18 tháng 01 năm 2022`, `18/01/2022`, `tháng 3 năm 2023`. Deviation: SHAPE. */
  private dateAhead(): boolean {
    const first = this.LA(1).tokenType;
    if (first === T.SlashDate) return true;
    const second = this.LA(2).tokenType;
    if (first === T.Ngay) return second === T.NumberToken || second === T.Thang || second === T.SlashDate;
    return first === T.Thang && second === T.NumberToken && this.LA(3).tokenType === T.Nam;
  }

  /** A figure then `đồng`, perhaps with a scale (`9,753 tỷ đồng`). Deviation: SHAPE. */
  private moneyAhead(): boolean {
    const first = this.LA(1).tokenType;
    if (first !== T.Amount && first !== T.NumberToken) return false;
    const second = this.LA(2);
    if (second.tokenType === T.Dong) return true;
    return second.tokenType === T.Word && MONEY_SCALES.has(second.image.toLowerCase()) && this.LA(3).tokenType === T.Dong;
  }

  /** `Tổng cộng`, a colon perhaps, then one figure or nothing to the line's end. Deviation: LINE END. */
  private tableTotalAhead(): boolean {
    if (this.LA(1).tokenType !== T.TotalMark) return false;
    let k = this.LA(2).tokenType === T.Colon ? 3 : 2;
    const figure = this.LA(k).tokenType;
    if (figure === T.Amount || figure === T.NumberToken) k++;
    const end = this.LA(k).tokenType;
    return end === T.Newline || end === EOF;
  }

  /** `(Chín tỷ, …)` after an amount: its reading in words. Deviation: LEXICON. */
  private numberWordsAhead(): boolean {
    if (this.LA(1).tokenType !== T.LParen) return false;
    // `(Bằng chữ: Một trăm …)`: the lead, perhaps its colon, then the number words.
    let k = 2;
    if (AMOUNT_WORDS_LEAD.every((word, i) => this.LA(2 + i).image.toLowerCase() === word)) {
      k += AMOUNT_WORDS_LEAD.length;
      if (this.LA(k).tokenType === T.Colon) k++;
    }
    return NUMBER_WORD_STARTS.has(this.LA(k).image.toLowerCase());
  }

  /** A figure then a known unit (`125.712 hồ sơ`, `598 TTHC`), not a date's or a document's number. Deviation: LEXICON. */
  private quantityAhead(): boolean {
    const first = this.LA(1).tokenType;
    if (first !== T.NumberToken && first !== T.Amount) return false;
    // `năm 2024 huyện`, `số 12 …`: a number that belongs to a date or a document is not a count.
    const before = this.LA(0).tokenType;
    if (before === T.Nam || before === T.Thang || before === T.Ngay || before === T.So) return false;
    // `Dự án 6 CTMTQG` names project 6, `giai đoạn 2021-2025 huyện` is a period: neither counts anything.
    if (this.ordinalOrPeriodBefore()) return false;
    // `0912.345.678 hồ sơ`, `98.5 %`: a number glued to a `digit.` before it is the rest of that
    // number (a phone number, a dotted code), not a count of its own.
    if (this.gluedToNumberBefore()) return false;
    const at = first === T.NumberToken && this.LA(2).tokenType === T.Dash && this.LA(3).tokenType === T.NumberToken ? 4 : 2;
    const length = this.unitLengthAt(at);
    // `Tiểu dự án 1 năm 2023`: a time word followed by a number is a date, not a unit.
    if (length === 1 && DATE_PART_UNITS.has(this.LA(at).image.toLowerCase()) && this.LA(at + 1).tokenType === T.NumberToken) return false;
    return length > 0;
  }

  /** The words before the number are `dự án` (a project's number follows) or `giai đoạn` (a period's years follow). */
  private ordinalOrPeriodBefore(): boolean {
    let at = 0;
    // The second year of `2021-2025` is judged with the first one: step back over `2021-`.
    if (this.LA(0).tokenType === T.Dash && this.LA(-1).tokenType === T.NumberToken) at = -2;
    const last = this.LA(at).image.toLowerCase();
    const previous = this.LA(at - 1).image.toLowerCase();
    return (previous === "dự" && last === "án") || (previous === "giai" && last === "đoạn");
  }

  /** LA(1) follows `digit.` or `digit,` with no space: it goes on with the number before it. */
  private gluedToNumberBefore(): boolean {
    const separator = this.LA(0);
    if (separator.tokenType !== T.Period && separator.tokenType !== T.Comma) return false;
    const number = this.LA(-1);
    if (number.tokenType !== T.NumberToken && number.tokenType !== T.Amount) return false;
    return separator.startOffset === (number.endOffset ?? NaN) + 1 && this.LA(1).startOffset === (separator.endOffset ?? NaN) + 1;
  }

  /** `/tháng`, `/01 huyện` after a count: a rate. Deviation: LEXICON. */
  private perAhead(): boolean {
    const next = this.LA(2);
    if (next.tokenType === T.NumberToken) return this.unitLengthAt(3) > 0;
    return this.unitLengthAt(2) > 0 || (next.tokenType === T.Word && !isCapitalized(next.image));
  }

  /** How many tokens from LA(k) spell a known unit (longest match), 0 if none. (deviation: LEXICON) */
  private unitLengthAt(k: number): number {
    const first = this.LA(k);
    for (const unit of first.tokenType === EOF ? [] : (UNITS_BY_FIRST_WORD.get(first.image.toLowerCase()) ?? [])) {
      let matches = true;
      for (let i = 1; i < unit.length; i++) {
        const token = this.LA(k + i);
        if (token.tokenType === EOF || token.image.toLowerCase() !== unit[i]) {
          matches = false;
          break;
        }
      }
      if (matches) return unit.length;
    }
    // `598 TTHC`, `45 HTX`: an abbreviation in capitals counts what it abbreviates.
    const token = this.LA(k);
    return token.tokenType === T.Word && isAbbreviatedUnit(token.image) ? 1 : 0;
  }

  /** LA(k) can continue the name of an issuing body after `của`. (deviation: LEXICON) */
  private issuerWordAhead(k: number): boolean {
    if (k === 2 && this.LA(1).tokenType !== T.Cua) return false;
    const token = this.LA(k);
    // `đồng` lexes as the currency word, but inside `Hội đồng nhân dân` it is part of a name.
    if (token.tokenType !== T.Word && token.tokenType !== T.Dong) return false;
    const word = token.image;
    // `… của Bộ trưởng Bộ Công Thương Ban hành Quy chuẩn …`: the verb, capitalised by mistake, opens the subject.
    if ((word === "ban" || word === "Ban") && this.LA(k + 1).image === "hành") return false;
    if (isCapitalized(word)) return true;
    // `… của Ban Thường vụ Tỉnh ủy và Nghị quyết số …`: `và` joins two names, not two documents.
    if (word === "và") {
      const next = this.LA(k + 1);
      return next.tokenType === T.Word && isCapitalized(next.image);
    }
    if (SUBJECT_OPENERS.has(word)) return false;
    if (ISSUER_INNER_WORDS.has(word)) return true;
    const previous = this.LA(k - 1);
    return previous.tokenType === T.Word && isCapitalized(previous.image);
  }
}

/** Built once and reused: self-analysis is the expensive part of a Chevrotain parser. */
export const planParser = new PlanParser();
