// DO NOT EDIT: generated from the grammar by `pnpm cst-types` (Chevrotain generateCstDts).
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface PlanCstNode extends CstNode {
  name: "plan";
  children: PlanCstChildren;
}

export type PlanCstChildren = {
  Newline?: IToken[];
  stampLine?: StampLineCstNode[];
  headerLine?: HeaderLineCstNode[];
  titleBlock?: TitleBlockCstNode[];
  document: DocumentCstNode[];
};

export interface StrayHeaderLineCstNode extends CstNode {
  name: "strayHeaderLine";
  children: StrayHeaderLineCstChildren;
}

export type StrayHeaderLineCstChildren = {
  lineContent: LineContentCstNode[];
};

export interface AttachmentCstNode extends CstNode {
  name: "attachment";
  children: AttachmentCstChildren;
}

export type AttachmentCstChildren = {
  headerLine?: HeaderLineCstNode[];
  titleBlock?: (TitleBlockCstNode)[];
  document: DocumentCstNode[];
};

export interface DocumentCstNode extends CstNode {
  name: "document";
  children: DocumentCstChildren;
}

export type DocumentCstChildren = {
  addressees?: AddresseesCstNode[];
  authorityLine?: AuthorityLineCstNode[];
  proposalLine?: ProposalLineCstNode[];
  basisLine?: BasisLineCstNode[];
  issuanceLine?: IssuanceLineCstNode[];
  bodyLine?: BodyLineCstNode[];
  closingLine?: ClosingLineCstNode[];
  tailBlock?: TailBlockCstNode[];
};

export interface DocumentRestCstNode extends CstNode {
  name: "documentRest";
  children: DocumentRestCstChildren;
}

export type DocumentRestCstChildren = {
  bodyLine?: BodyLineCstNode[];
  closingLine?: ClosingLineCstNode[];
  tailBlock?: TailBlockCstNode[];
};

export interface HeaderLineCstNode extends CstNode {
  name: "headerLine";
  children: HeaderLineCstChildren;
}

export type HeaderLineCstChildren = {
  Motto?: IToken[];
  numberLine?: NumberLineCstNode[];
  placeDateLine?: PlaceDateLineCstNode[];
  subjectLine?: SubjectLineCstNode[];
  strayHeaderLine?: StrayHeaderLineCstNode[];
  issuerLine?: IssuerLineCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface NumberLineCstNode extends CstNode {
  name: "numberLine";
  children: NumberLineCstChildren;
}

export type NumberLineCstChildren = {
  NumberField: IToken[];
  lineContent: LineContentCstNode[];
};

export interface PlaceDateLineCstNode extends CstNode {
  name: "placeDateLine";
  children: PlaceDateLineCstChildren;
}

export type PlaceDateLineCstChildren = {
  Inline: IToken[];
  lineContent: LineContentCstNode[];
};

export interface SubjectLineCstNode extends CstNode {
  name: "subjectLine";
  children: SubjectLineCstChildren;
}

export type SubjectLineCstChildren = {
  SubjectMark: IToken[];
  lineContent: LineContentCstNode[];
};

export interface IssuerLineCstNode extends CstNode {
  name: "issuerLine";
  children: IssuerLineCstChildren;
}

export type IssuerLineCstChildren = {
  lineContent: LineContentCstNode[];
};

export interface TitleBlockCstNode extends CstNode {
  name: "titleBlock";
  children: TitleBlockCstChildren;
}

export type TitleBlockCstChildren = {
  TypeHeading: IToken[];
  lineEnd: (LineEndCstNode)[];
  strayHeaderLine?: StrayHeaderLineCstNode[];
  titleLine?: TitleLineCstNode[];
};

export interface TitleLineCstNode extends CstNode {
  name: "titleLine";
  children: TitleLineCstChildren;
}

export type TitleLineCstChildren = {
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface AuthorityLineCstNode extends CstNode {
  name: "authorityLine";
  children: AuthorityLineCstChildren;
}

export type AuthorityLineCstChildren = {
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface BasisLineCstNode extends CstNode {
  name: "basisLine";
  children: BasisLineCstChildren;
}

export type BasisLineCstChildren = {
  CanCu?: IToken[];
  ThucHien?: IToken[];
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface ProposalLineCstNode extends CstNode {
  name: "proposalLine";
  children: ProposalLineCstChildren;
}

export type ProposalLineCstChildren = {
  Proposal: IToken[];
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface IssuanceLineCstNode extends CstNode {
  name: "issuanceLine";
  children: IssuanceLineCstChildren;
}

export type IssuanceLineCstChildren = {
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface BodyLineCstNode extends CstNode {
  name: "bodyLine";
  children: BodyLineCstChildren;
}

export type BodyLineCstChildren = {
  label?: LabelCstNode[];
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface LabelCstNode extends CstNode {
  name: "label";
  children: LabelCstChildren;
}

export type LabelCstChildren = {
  PartLabel?: IToken[];
  CapitalLabel?: IToken[];
  ArticleLabel?: IToken[];
  RomanLabel?: IToken[];
  DecimalLabel?: IToken[];
  ArabicLabel?: IToken[];
  LetterLabel?: IToken[];
  DashItem?: IToken[];
  PlusItem?: IToken[];
};

export interface ClosingLineCstNode extends CstNode {
  name: "closingLine";
  children: ClosingLineCstChildren;
}

export type ClosingLineCstChildren = {
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface TailBlockCstNode extends CstNode {
  name: "tailBlock";
  children: TailBlockCstChildren;
}

export type TailBlockCstChildren = {
  attachment?: AttachmentCstNode[];
  recipients?: RecipientsCstNode[];
  signature?: SignatureCstNode[];
  stampLine?: StampLineCstNode[];
  recipientsResumed?: RecipientsResumedCstNode[];
  signerLine?: SignerLineCstNode[];
  otherLine?: OtherLineCstNode[];
};

export interface RecipientsResumedCstNode extends CstNode {
  name: "recipientsResumed";
  children: RecipientsResumedCstChildren;
}

export type RecipientsResumedCstChildren = {
  recipientItem: RecipientItemCstNode[];
};

export interface AddresseesCstNode extends CstNode {
  name: "addressees";
  children: AddresseesCstChildren;
}

export type AddresseesCstChildren = {
  AddresseesHeading: IToken[];
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
  recipientItem?: RecipientItemCstNode[];
};

export interface RecipientsCstNode extends CstNode {
  name: "recipients";
  children: RecipientsCstChildren;
}

export type RecipientsCstChildren = {
  RecipientsHeading: IToken[];
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
  recipientItem?: RecipientItemCstNode[];
};

export interface RecipientItemCstNode extends CstNode {
  name: "recipientItem";
  children: RecipientItemCstChildren;
}

export type RecipientItemCstChildren = {
  DashItem?: IToken[];
  PlusItem?: IToken[];
  recipientNames: RecipientNamesCstNode[];
  lineEnd: LineEndCstNode[];
  recipientWrap?: RecipientWrapCstNode[];
};

export interface RecipientNamesCstNode extends CstNode {
  name: "recipientNames";
  children: RecipientNamesCstChildren;
}

export type RecipientNamesCstChildren = {
  Semicolon?: IToken[];
  recipientName?: RecipientNameCstNode[];
};

export interface RecipientNameCstNode extends CstNode {
  name: "recipientName";
  children: RecipientNameCstChildren;
}

export type RecipientNameCstChildren = {
  reference?: ReferenceCstNode[];
  namedReference?: NamedReferenceCstNode[];
  date?: DateCstNode[];
  money?: MoneyCstNode[];
  unitCaption?: UnitCaptionCstNode[];
  tableTotal?: TableTotalCstNode[];
  quantity?: QuantityCstNode[];
  Inline?: IToken[];
  Semicolon?: IToken[];
};

export interface RecipientWrapCstNode extends CstNode {
  name: "recipientWrap";
  children: RecipientWrapCstChildren;
}

export type RecipientWrapCstChildren = {
  recipientNames: RecipientNamesCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface SignatureCstNode extends CstNode {
  name: "signature";
  children: SignatureCstChildren;
}

export type SignatureCstChildren = {
  signatureLine: (SignatureLineCstNode)[];
  signatureNote?: SignatureNoteCstNode[];
  markLine?: MarkLineCstNode[];
  signerLine?: SignerLineCstNode[];
};

export interface MarkLineCstNode extends CstNode {
  name: "markLine";
  children: MarkLineCstChildren;
}

export type MarkLineCstChildren = {
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface SignatureNoteCstNode extends CstNode {
  name: "signatureNote";
  children: SignatureNoteCstChildren;
}

export type SignatureNoteCstChildren = {
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface SignatureLineCstNode extends CstNode {
  name: "signatureLine";
  children: SignatureLineCstChildren;
}

export type SignatureLineCstChildren = {
  SignPrefix?: IToken[];
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface SignerLineCstNode extends CstNode {
  name: "signerLine";
  children: SignerLineCstChildren;
}

export type SignerLineCstChildren = {
  lineContent: LineContentCstNode[];
  lineEnd: LineEndCstNode[];
};

export interface StampLineCstNode extends CstNode {
  name: "stampLine";
  children: StampLineCstChildren;
}

export type StampLineCstChildren = {
  Timestamp: IToken[];
  lineEnd: LineEndCstNode[];
  signerLine?: SignerLineCstNode[];
};

export interface OtherLineCstNode extends CstNode {
  name: "otherLine";
  children: OtherLineCstChildren;
}

export type OtherLineCstChildren = {
  Newline?: IToken[];
  reference?: ReferenceCstNode[];
  namedReference?: NamedReferenceCstNode[];
  date?: DateCstNode[];
  money?: MoneyCstNode[];
  unitCaption?: UnitCaptionCstNode[];
  tableTotal?: TableTotalCstNode[];
  quantity?: QuantityCstNode[];
  Inline?: IToken[];
  lineEnd?: LineEndCstNode[];
};

export interface LineEndCstNode extends CstNode {
  name: "lineEnd";
  children: LineEndCstChildren;
}

export type LineEndCstChildren = {
  Newline: IToken[];
};

export interface LineContentCstNode extends CstNode {
  name: "lineContent";
  children: LineContentCstChildren;
}

export type LineContentCstChildren = {
  reference?: ReferenceCstNode[];
  namedReference?: NamedReferenceCstNode[];
  date?: DateCstNode[];
  money?: MoneyCstNode[];
  unitCaption?: UnitCaptionCstNode[];
  tableTotal?: TableTotalCstNode[];
  quantity?: QuantityCstNode[];
  Inline?: IToken[];
};

export interface ReferenceCstNode extends CstNode {
  name: "reference";
  children: ReferenceCstChildren;
}

export type ReferenceCstChildren = {
  DocType: IToken[];
  So?: IToken[];
  DocNumber?: IToken[];
  Number?: IToken[];
  Word?: IToken[];
  Comma?: IToken[];
  date?: (DateCstNode)[];
  issuerPhrase?: IssuerPhraseCstNode[];
};

export interface NamedReferenceCstNode extends CstNode {
  name: "namedReference";
  children: NamedReferenceCstChildren;
}

export type NamedReferenceCstChildren = {
  DocType: IToken[];
  documentName: DocumentNameCstNode[];
  So?: IToken[];
  DocNumber?: IToken[];
  Number?: IToken[];
  date?: DateCstNode[];
};

export interface DocumentNameCstNode extends CstNode {
  name: "documentName";
  children: DocumentNameCstChildren;
}

export type DocumentNameCstChildren = {
  Inline: IToken[];
};

export interface IssuerPhraseCstNode extends CstNode {
  name: "issuerPhrase";
  children: IssuerPhraseCstChildren;
}

export type IssuerPhraseCstChildren = {
  Cua: IToken[];
  Word?: IToken[];
  Dong?: IToken[];
};

export interface DateCstNode extends CstNode {
  name: "date";
  children: DateCstChildren;
}

export type DateCstChildren = {
  SlashDate?: (IToken)[];
  Ngay?: IToken[];
  Number?: IToken[];
  monthYear?: (MonthYearCstNode)[];
};

export interface MonthYearCstNode extends CstNode {
  name: "monthYear";
  children: MonthYearCstChildren;
}

export type MonthYearCstChildren = {
  Thang: IToken[];
  Number?: (IToken)[];
  Nam?: IToken[];
};

export interface MoneyCstNode extends CstNode {
  name: "money";
  children: MoneyCstChildren;
}

export type MoneyCstChildren = {
  Amount?: IToken[];
  Number?: IToken[];
  Word?: IToken[];
  Dong: IToken[];
  amountWords?: AmountWordsCstNode[];
};

export interface UnitCaptionCstNode extends CstNode {
  name: "unitCaption";
  children: UnitCaptionCstChildren;
}

export type UnitCaptionCstChildren = {
  UnitCaption: IToken[];
  Colon?: IToken[];
  Amount?: IToken[];
  Number?: IToken[];
  Word?: IToken[];
  Dong?: IToken[];
};

export interface TableTotalCstNode extends CstNode {
  name: "tableTotal";
  children: TableTotalCstChildren;
}

export type TableTotalCstChildren = {
  TotalMark: IToken[];
  Colon?: IToken[];
  Amount?: IToken[];
  Number?: IToken[];
};

export interface AmountWordsCstNode extends CstNode {
  name: "amountWords";
  children: AmountWordsCstChildren;
}

export type AmountWordsCstChildren = {
  LParen: IToken[];
  Inline?: IToken[];
  RParen?: IToken[];
};

export interface QuantityCstNode extends CstNode {
  name: "quantity";
  children: QuantityCstChildren;
}

export type QuantityCstChildren = {
  Number?: (IToken)[];
  Amount?: IToken[];
  Dash?: IToken[];
  unit: (UnitCstNode)[];
  Slash?: IToken[];
};

export interface UnitCstNode extends CstNode {
  name: "unit";
  children: UnitCstChildren;
}

export type UnitCstChildren = {
  Inline: IToken[];
};

export interface PlanCstVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  plan(children: PlanCstChildren, param?: IN): OUT;
  strayHeaderLine(children: StrayHeaderLineCstChildren, param?: IN): OUT;
  attachment(children: AttachmentCstChildren, param?: IN): OUT;
  document(children: DocumentCstChildren, param?: IN): OUT;
  documentRest(children: DocumentRestCstChildren, param?: IN): OUT;
  headerLine(children: HeaderLineCstChildren, param?: IN): OUT;
  numberLine(children: NumberLineCstChildren, param?: IN): OUT;
  placeDateLine(children: PlaceDateLineCstChildren, param?: IN): OUT;
  subjectLine(children: SubjectLineCstChildren, param?: IN): OUT;
  issuerLine(children: IssuerLineCstChildren, param?: IN): OUT;
  titleBlock(children: TitleBlockCstChildren, param?: IN): OUT;
  titleLine(children: TitleLineCstChildren, param?: IN): OUT;
  authorityLine(children: AuthorityLineCstChildren, param?: IN): OUT;
  basisLine(children: BasisLineCstChildren, param?: IN): OUT;
  proposalLine(children: ProposalLineCstChildren, param?: IN): OUT;
  issuanceLine(children: IssuanceLineCstChildren, param?: IN): OUT;
  bodyLine(children: BodyLineCstChildren, param?: IN): OUT;
  label(children: LabelCstChildren, param?: IN): OUT;
  closingLine(children: ClosingLineCstChildren, param?: IN): OUT;
  tailBlock(children: TailBlockCstChildren, param?: IN): OUT;
  recipientsResumed(children: RecipientsResumedCstChildren, param?: IN): OUT;
  addressees(children: AddresseesCstChildren, param?: IN): OUT;
  recipients(children: RecipientsCstChildren, param?: IN): OUT;
  recipientItem(children: RecipientItemCstChildren, param?: IN): OUT;
  recipientNames(children: RecipientNamesCstChildren, param?: IN): OUT;
  recipientName(children: RecipientNameCstChildren, param?: IN): OUT;
  recipientWrap(children: RecipientWrapCstChildren, param?: IN): OUT;
  signature(children: SignatureCstChildren, param?: IN): OUT;
  markLine(children: MarkLineCstChildren, param?: IN): OUT;
  signatureNote(children: SignatureNoteCstChildren, param?: IN): OUT;
  signatureLine(children: SignatureLineCstChildren, param?: IN): OUT;
  signerLine(children: SignerLineCstChildren, param?: IN): OUT;
  stampLine(children: StampLineCstChildren, param?: IN): OUT;
  otherLine(children: OtherLineCstChildren, param?: IN): OUT;
  lineEnd(children: LineEndCstChildren, param?: IN): OUT;
  lineContent(children: LineContentCstChildren, param?: IN): OUT;
  reference(children: ReferenceCstChildren, param?: IN): OUT;
  namedReference(children: NamedReferenceCstChildren, param?: IN): OUT;
  documentName(children: DocumentNameCstChildren, param?: IN): OUT;
  issuerPhrase(children: IssuerPhraseCstChildren, param?: IN): OUT;
  date(children: DateCstChildren, param?: IN): OUT;
  monthYear(children: MonthYearCstChildren, param?: IN): OUT;
  money(children: MoneyCstChildren, param?: IN): OUT;
  unitCaption(children: UnitCaptionCstChildren, param?: IN): OUT;
  tableTotal(children: TableTotalCstChildren, param?: IN): OUT;
  amountWords(children: AmountWordsCstChildren, param?: IN): OUT;
  quantity(children: QuantityCstChildren, param?: IN): OUT;
  unit(children: UnitCstChildren, param?: IN): OUT;
}
