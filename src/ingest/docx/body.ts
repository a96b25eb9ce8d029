/**
 * The body of word/document.xml → blocks, in one streaming pass. What Word prints is what is read:
 * tracked changes accepted (insertions kept; deletions, moved-away text and rows deleted as a change
 * dropped; a deleted paragraph mark joins the paragraph to the next), fields show their cached
 * result (w:fldSimple children, complex fields between separate and end; never the instruction),
 * hidden text (w:vanish) and the placeholder prompt of an empty content control are left out, text
 * boxes (DrawingML or VML) are read once (the first mc:Choice, not the Fallback as well) and follow
 * the paragraph they are anchored in, content controls and other wrappers are transparent.
 * Automatic numbering is counted at each paragraph's properties, in document order.
 */
import type { Block, DocumentMessage } from '../../document/types';
import { cleanText } from '../../text/normalise';
import { IngestError } from '../errors';
import { LIMITS } from '../limits';
import {
  addParagraph,
  addTable,
  type BodyFrame,
  type Carry,
  type CellFrame,
  type Container,
  type Frame,
  type ParagraphFrame,
  type RowFrame,
  type RunFrame,
  type TableFrame,
} from './frames';
import type { NumberingCounter } from './numbering';
import type { StyleProps, Styles } from './styles';
import { symbolText } from './symbols';
import { originCount, renumberTables, wordTable, type MergeMark } from './table-builder';
import * as elements from './elements';
import { intAttr, isOn, type Attributes, type XmlSink } from './xml';

// Module-level aliases: an imported binding is read through a getter on every use (CommonJS
// output), which costs more than the whole switch in this hot path.
const E = elements.E;
const ELEMENTS = elements.ELEMENTS;

/** Styles and numbering, loaded the first time the body refers to them; embedded content by id. */
export interface BodyResources {
  readonly file: string;
  styles(): Styles | undefined;
  numbering(): NumberingCounter | undefined;
  /** The blocks of a w:altChunk's part (its tables numbered from 0 among themselves). */
  altChunk(id: string): readonly Block[];
}

interface AltFrame {
  readonly depth: number;
  chosen: boolean;
}

interface SdtFrame {
  readonly depth: number;
  placeholder: boolean;
}

export class BodyWalker implements XmlSink {
  readonly messages: DocumentMessage[] = [];
  private readonly body: BodyFrame = { kind: 'body', depth: 0, blocks: [] };
  private readonly frames: Frame[] = [this.body];
  private readonly containers: Container[] = [this.body];
  private readonly tables: TableFrame[] = [];
  private readonly alts: AltFrame[] = [];
  private readonly sdts: SdtFrame[] = [];
  /** Open complex fields: true while in the instruction (before w:fldChar separate). */
  private readonly fields: boolean[] = [];
  private inInstruction = 0;
  private paragraph: ParagraphFrame | undefined;
  private depth = 0;
  private skipFrom = 0;
  private inText = false;
  private tableCount = 0;
  private cellCount = 0;
  private hiddenRuns = 0;
  private unknownSymbols = 0;
  private pictures = 0;

  constructor(private readonly res: BodyResources) {}

  open(name: string, a: Attributes): void {
    this.depth++;
    if (this.skipFrom) return;
    const code = ELEMENTS.get(name);
    if (code === undefined) return;
    const p = this.paragraph;
    switch (code) {
      case E.P:
        return this.openParagraph();
      case E.PPr:
        if (p && this.top() === p) p.inProps = true;
        return;
      case E.PStyle:
        if (p?.inProps) p.styleId = a.get('w:val');
        return;
      case E.NumId:
        if (p?.inProps) p.numId = a.get('w:val');
        return;
      case E.Ilvl:
        if (p?.inProps) p.ilvl = intAttr(a.get('w:val'));
        return;
      case E.OutlineLvl:
        if (p?.inProps) p.outline = intAttr(a.get('w:val'));
        return;
      case E.RPr:
        return this.openProps(p);
      case E.B:
        if (p?.run?.inProps) p.run.bold = isOn(a.get('w:val'));
        return;
      case E.Vanish:
        if (p?.run?.inProps) p.run.hidden = isOn(a.get('w:val'));
        return;
      case E.RStyle:
        if (p?.run?.inProps) p.run.style = a.get('w:val');
        return;
      case E.Del:
        return this.deletion(p);
      case E.R:
        if (p) p.run = { depth: this.depth, inProps: false };
        return;
      case E.T:
        this.inText = !!p?.run && !p.run.inProps;
        return;
      case E.Tab:
        return this.append(p, '\t');
      case E.Br:
        return this.append(p, '\n');
      case E.NoBreakHyphen:
        return this.append(p, '\u2011');
      case E.SoftHyphen:
        return this.append(p, '\u00AD');
      case E.Sym:
        return this.symbol(p, a);
      case E.FldChar:
        return this.fieldChar(a.get('w:fldCharType'));
      case E.Tbl:
        return this.openTable();
      case E.Tr:
        return this.openRow();
      case E.TrPr: {
        const t = this.top();
        if (t.kind === 'tr') t.inProps = true;
        return;
      }
      case E.GridBefore: {
        const t = this.top();
        if (t.kind === 'tr' && t.inProps) t.gridBefore = columns(a.get('w:val'), 0);
        return;
      }
      case E.Tc:
        return this.openCell();
      case E.TcPr: {
        const t = this.top();
        if (t.kind === 'tc') t.inProps = true;
        return;
      }
      case E.GridSpan: {
        const t = this.top();
        if (t.kind === 'tc' && t.inProps) t.span = columns(a.get('w:val'), 1);
        return;
      }
      case E.VMerge: {
        const t = this.top();
        if (t.kind === 'tc' && t.inProps) t.vMerge = mergeMark(a.get('w:val'));
        return;
      }
      case E.HMerge: {
        const t = this.top();
        if (t.kind === 'tc' && t.inProps) t.hMerge = mergeMark(a.get('w:val'));
        return;
      }
      case E.Txbx:
        return this.pushContainer({ kind: 'txbx', depth: this.depth, blocks: [] });
      case E.Alt:
        this.alts.push({ depth: this.depth, chosen: false });
        return;
      case E.Choice:
        return this.choice(true);
      case E.Fallback:
        return this.choice(false);
      case E.Sdt:
        this.sdts.push({ depth: this.depth, placeholder: false });
        return;
      case E.ShowingPlcHdr: {
        const s = this.sdts[this.sdts.length - 1];
        if (s) s.placeholder = isOn(a.get('w:val'));
        return;
      }
      case E.SdtContent:
        if (this.sdts[this.sdts.length - 1]?.placeholder) this.skipFrom = this.depth;
        return;
      case E.AltChunk:
        return this.altChunk(a.get('r:id'));
      case E.Picture:
        this.pictures++;
        return;
      case E.Skip:
        this.skipFrom = this.depth;
        return;
      default:
    }
  }

  close(name: string): void {
    const depth = this.depth--;
    if (this.skipFrom) {
      if (depth === this.skipFrom) this.skipFrom = 0;
      return;
    }
    const code = ELEMENTS.get(name);
    if (code === undefined) return;
    const top = this.top();
    if (top.depth === depth && top.kind !== 'body') return this.finish(top);
    const p = this.paragraph;
    switch (code) {
      case E.R:
        if (p?.run?.depth === depth) p.run = undefined;
        return;
      case E.T:
        this.inText = false;
        return;
      case E.RPr:
        if (p?.run) p.run.inProps = false;
        if (p) p.inMarkProps = false;
        return;
      case E.PPr:
        if (p?.inProps) this.endParagraphProps(p);
        return;
      case E.TrPr:
      case E.TcPr:
        if (top.kind === 'tr' || top.kind === 'tc') top.inProps = false;
        return;
      case E.Alt:
        if (this.alts[this.alts.length - 1]?.depth === depth) this.alts.pop();
        return;
      case E.Sdt:
        if (this.sdts[this.sdts.length - 1]?.depth === depth) this.sdts.pop();
        return;
      default:
    }
  }

  text(text: string): void {
    if (!this.inText || this.inInstruction) return;
    const p = this.paragraph!;
    this.pushText(p, p.run!, text);
  }

  private pushText(p: ParagraphFrame, run: RunFrame, text: string): void {
    const look = run.effective ?? this.runLook(p, run);
    if (look.hidden) {
      this.hiddenRuns++;
      return;
    }
    p.pieces.push(text);
    if (/\S/.test(text)) {
      p.visible = true;
      if (!look.bold) p.allBold = false;
    }
  }

  /** The blocks of the body, tables numbered in block order, and what the reader noticed. */
  result(): { blocks: Block[]; messages: DocumentMessage[] } {
    if (this.hiddenRuns)
      this.messages.push({ type: 'info', code: 'DOCX_HIDDEN_TEXT', message: `忽略了 ${this.hiddenRuns} 处隐藏文字（w:vanish）` });
    flushCarry(this.body);
    if (this.unknownSymbols)
      this.messages.push({
        type: 'warning',
        code: 'DOCX_SYMBOL',
        message: `${this.unknownSymbols} 个符号字体字符无法识别，已略去`,
      });
    if (this.pictures)
      this.messages.push({
        type: 'info',
        code: 'DOCX_IMAGES',
        message: `正文中有 ${this.pictures} 张图片或嵌入对象，其中的内容（如以图片插入的表格）无法读取`,
      });
    return { blocks: renumberTables(this.body.blocks), messages: this.messages };
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  /** Embedded content, placed where the element stands; its tables take the next ordinals. */
  private altChunk(id: string | undefined): void {
    if (!id) return;
    const ids = new Map<number, number>();
    for (const block of this.res.altChunk(id)) {
      if (block.kind === 'paragraph') {
        addParagraph(this.container(), block);
        continue;
      }
      if (this.tableCount >= LIMITS.maxTables)
        throw new IngestError('TOO_LARGE', this.res.file, `表格超过 ${LIMITS.maxTables} 个`);
      const index = this.tableCount++;
      ids.set(block.index, index);
      const { parent, ...table } = block;
      const outer = parent === undefined ? undefined : ids.get(parent);
      addTable(this.container(), { ...table, index, ...(outer !== undefined ? { parent: outer } : {}) }, []);
    }
  }

  private container(): Container {
    return this.containers[this.containers.length - 1];
  }

  private pushContainer(c: Container): void {
    this.frames.push(c);
    this.containers.push(c);
  }

  private openParagraph(): void {
    const carry = this.container().carry;
    this.container().carry = undefined;
    const p: ParagraphFrame = {
      kind: 'p',
      depth: this.depth,
      pieces: carry ? carry.pieces : [],
      allBold: carry ? carry.allBold : true,
      visible: carry ? carry.visible : false,
      inProps: false,
      inMarkProps: false,
      markDeleted: false,
      after: [],
    };
    this.frames.push(p);
    this.paragraph = p;
  }

  private openProps(p: ParagraphFrame | undefined): void {
    if (!p) return;
    if (p.inProps) p.inMarkProps = true;
    else if (p.run) p.run.inProps = true;
  }

  /** w:del is a deleted paragraph mark in the mark's properties, a deleted row in w:trPr, else deleted content. */
  private deletion(p: ParagraphFrame | undefined): void {
    const top = this.top();
    if (p?.inMarkProps) p.markDeleted = true;
    else if (top.kind === 'tr' && top.inProps) top.deleted = true;
    else if (!(top.kind === 'tc' && top.inProps)) this.skipFrom = this.depth;
  }

  /** Run content other than w:t: tabs, breaks, hyphens, symbols. */
  private append(p: ParagraphFrame | undefined, text: string): void {
    if (!p?.run || p.run.inProps || p.inProps || this.inInstruction) return;
    this.pushText(p, p.run, text);
  }

  private symbol(p: ParagraphFrame | undefined, a: Attributes): void {
    if (!p?.run || p.run.inProps || this.inInstruction) return;
    const text = symbolText(a.get('w:font'), a.get('w:char'));
    if (text === undefined) this.unknownSymbols++;
    else this.append(p, text);
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') {
      this.fields.push(true);
      this.inInstruction++;
    } else if (type === 'separate') {
      if (this.fields[this.fields.length - 1] === true) {
        this.fields[this.fields.length - 1] = false;
        this.inInstruction--;
      }
    } else if (type === 'end' && this.fields.length) {
      if (this.fields.pop()) this.inInstruction--;
    }
  }

  /**
   * A field instruction does not run past its paragraph in practice; one still open at the end of
   * a paragraph lost its separate/end (e.g. to a tracked deletion) and would hide all the text after
   * it, so it is closed here.
   */
  private closeBrokenFields(): void {
    while (this.fields.length && this.fields[this.fields.length - 1]) {
      this.fields.pop();
      this.inInstruction--;
    }
  }

  private choice(isChoice: boolean): void {
    const alt = this.alts[this.alts.length - 1];
    if (!alt || alt.depth !== this.depth - 1) return;
    if (alt.chosen) this.skipFrom = this.depth;
    else if (isChoice) alt.chosen = true;
  }

  private styles(id: string | undefined): StyleProps | undefined {
    return id === undefined ? undefined : this.res.styles()?.props(id);
  }

  private runLook(p: ParagraphFrame, run: RunFrame): { bold: boolean; hidden: boolean } {
    const own = this.styles(run.style);
    const para = p.style;
    const look = {
      bold: run.bold ?? own?.bold ?? para?.bold ?? false,
      hidden: run.hidden ?? own?.hidden ?? para?.hidden ?? false,
    };
    if (!run.inProps) run.effective = look;
    return look;
  }

  /** The paragraph's style and numbering are known once its properties end. */
  private endParagraphProps(p: ParagraphFrame): void {
    p.inProps = false;
    p.style = this.styles(p.styleId);
    const numId = p.numId ?? p.style?.numId;
    if (numId === undefined || numId === '0' || p.markDeleted) return;
    const counter = this.res.numbering();
    if (!counter) return;
    const ilvl = p.ilvl ?? p.style?.ilvl ?? (p.styleId ? counter.levelForStyle(numId, p.styleId) : undefined) ?? 0;
    p.numbering = counter.next(numId, ilvl);
    p.numberingLevel = ilvl + 1;
  }

  private finish(frame: Frame): void {
    this.frames.pop();
    switch (frame.kind) {
      case 'p':
        return this.finishParagraph(frame);
      case 'txbx':
        return this.finishTextbox(frame);
      case 'tc':
        return this.finishCell(frame);
      case 'tr':
        return this.finishRow(frame);
      case 'tbl':
        return this.finishTable(frame);
      default:
    }
  }

  private finishParagraph(p: ParagraphFrame): void {
    this.inText = false;
    this.closeBrokenFields();
    const below = this.frames[this.frames.length - 1];
    this.paragraph = below?.kind === 'p' ? below : this.nearestParagraph();
    const container = this.container();
    if (p.markDeleted) {
      container.carry = { pieces: p.pieces, allBold: p.allBold, visible: p.visible };
    } else {
      const level = p.outline !== undefined && p.outline >= 0 && p.outline <= 8 ? p.outline + 1 : p.style?.headingLevel;
      emitParagraph(container, p, level, p.numbering, p.numberingLevel);
    }
    for (const b of p.after) {
      if (b.kind === 'paragraph') addParagraph(container, b);
      else addTable(container, b, []);
    }
  }

  private nearestParagraph(): ParagraphFrame | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f.kind === 'p') return f;
      if (f.kind === 'tc' || f.kind === 'tbl' || f.kind === 'tr') return undefined;
    }
    return undefined;
  }

  private finishTextbox(box: Container): void {
    this.containers.pop();
    flushCarry(box);
    const anchor = this.paragraph;
    if (anchor) {
      for (const b of box.blocks) anchor.after.push(b);
      return;
    }
    const container = this.container();
    for (const b of box.blocks) {
      if (b.kind === 'paragraph') addParagraph(container, b);
      else addTable(container, b, []);
    }
  }

  private openTable(): void {
    if (this.tables.length >= LIMITS.maxTableDepth)
      throw new IngestError('TOO_LARGE', this.res.file, `表格嵌套超过 ${LIMITS.maxTableDepth} 层`);
    if (this.tableCount >= LIMITS.maxTables) throw new IngestError('TOO_LARGE', this.res.file, `表格超过 ${LIMITS.maxTables} 个`);
    const parent = this.tables[this.tables.length - 1];
    const t: TableFrame = {
      kind: 'tbl',
      depth: this.depth,
      id: this.tableCount++,
      rows: [],
      origins: 0,
      hasNested: false,
      ...(parent ? { parent: parent.id } : {}),
    };
    this.frames.push(t);
    this.tables.push(t);
    this.paragraph = undefined;
  }

  private openRow(): void {
    const table = this.top();
    if (table.kind !== 'tbl') return;
    if (table.rows.length >= LIMITS.maxTableRows)
      throw new IngestError('TOO_LARGE', this.res.file, `表格超过 ${LIMITS.maxTableRows} 行`);
    this.frames.push({ kind: 'tr', depth: this.depth, table, cells: [], inProps: false, gridBefore: 0, deleted: false });
  }

  private openCell(): void {
    const row = this.top();
    if (row.kind !== 'tr') return;
    const cell: CellFrame = {
      kind: 'tc',
      depth: this.depth,
      table: row.table,
      blocks: [],
      lines: [],
      inProps: false,
      span: 1,
      vMerge: undefined,
      hMerge: undefined,
    };
    this.pushContainer(cell);
  }

  private finishCell(cell: CellFrame): void {
    this.containers.pop();
    flushCarry(cell);
    const row = this.top();
    if (row.kind !== 'tr') return;
    // The lines are cleaned paragraphs, none empty: joined, they are clean text already.
    row.cells.push({
      text: cell.lines.join('\n'),
      span: cell.span,
      vMerge: cell.vMerge,
      hMerge: cell.hMerge,
      blocks: cell.blocks,
    });
  }

  private finishRow(row: RowFrame): void {
    if (row.deleted || !row.cells.length) return;
    const table = row.table;
    const n = originCount(row);
    table.origins += n;
    this.cellCount += n;
    if (table.origins > LIMITS.maxTableCells)
      throw new IngestError('TOO_LARGE', this.res.file, `一个表格超过 ${LIMITS.maxTableCells} 个单元格`);
    if (this.cellCount > LIMITS.maxDocumentCells)
      throw new IngestError('TOO_LARGE', this.res.file, `表格单元格合计超过 ${LIMITS.maxDocumentCells} 个`);
    table.rows.push({ gridBefore: row.gridBefore, cells: row.cells });
  }

  private finishTable(frame: TableFrame): void {
    this.tables.pop();
    this.paragraph = this.nearestParagraph();
    if (!frame.rows.length) return;
    const table = wordTable(frame.rows, frame.id, frame.parent);
    const layout: Block[] = [];
    if (frame.hasNested) for (const row of frame.rows) for (const cell of row.cells) for (const b of cell.blocks) layout.push(b);
    addTable(this.container(), table, layout);
  }
}

/** A count of grid columns, within the table limit (a hostile gridSpan of 10⁹ must not loop 10⁹ times). */
function columns(val: string | undefined, min: number): number {
  return Math.min(Math.max(min, intAttr(val) ?? min), LIMITS.maxTableColumns);
}

/** A finished paragraph into its container; an empty one (text or not, numbered or not) is dropped. */
function emitParagraph(container: Container, p: Carry, level?: number, numbering?: string, numberingLevel?: number): void {
  const text = cleanText(p.pieces.join(''));
  if (!text) return;
  addParagraph(container, {
    kind: 'paragraph',
    text,
    bold: level !== undefined || (p.visible && p.allBold),
    ...(level !== undefined ? { headingLevel: level } : {}),
    ...(numbering ? { numbering, ...(numberingLevel ? { numberingLevel } : {}) } : {}),
  });
}

/** Text left over from a deleted paragraph mark with no paragraph after it in its container. */
function flushCarry(container: Container): void {
  if (container.carry) emitParagraph(container, container.carry);
  container.carry = undefined;
}

function mergeMark(val: string | undefined): MergeMark {
  return val === 'restart' ? 'restart' : 'continue';
}
