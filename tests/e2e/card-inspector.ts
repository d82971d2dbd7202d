/**
 * Reads the hover card the way assistive technology does: through Chromium's accessibility
 * tree (CDP), which sees into the card's closed shadow root where page scripts and DOM queries
 * cannot. A card the tree shows is a card a user can see and reach.
 */
import type { CDPSession, Page } from 'playwright-core';

interface AXNode {
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
  backendDOMNodeId?: number;
  childIds?: string[];
  nodeId: string;
  properties?: { name: string; value: { value?: unknown } }[];
}

export interface CardSnapshot {
  title: string;
  buttons: string[];
  links: string[];
  /** The card's text, as the accessibility tree has it. */
  text: string;
  /** The accessible name of the control in the card that has the focus, if any. */
  focused: string | null;
  /** The card's box on screen, in CSS pixels. */
  box: { x: number; y: number; width: number; height: number } | null;
}

export class CardInspector {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly page: Page,
  ) {}

  static async attach(page: Page): Promise<CardInspector> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    await cdp.send('DOM.enable');
    return new CardInspector(cdp, page);
  }

  /** Clicks the card's control with this name with the real mouse, as a user would. */
  async click(name: string): Promise<void> {
    const box = await this.controlBox(name);
    if (!box) throw new Error(`no "${name}" on the card`);
    await this.page.mouse.move(box.x + 6, box.y + 6, { steps: 3 });
    await this.page.mouse.down();
    await this.page.mouse.up();
  }

  /** The names of every dialog on the page (the page's own included), for pages that have one. */
  async dialogNames(): Promise<string[]> {
    const { nodes } = (await this.cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return nodes
      .filter((node) => !node.ignored && node.role?.value === 'dialog')
      .map((node) => node.name?.value ?? '');
  }

  /** The open card, or null when none is showing. */
  async card(): Promise<CardSnapshot | null> {
    const { nodes } = (await this.cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const dialog = nodes.find((node) => !node.ignored && node.role?.value === 'dialog');
    if (!dialog) return null;
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const inside: AXNode[] = [];
    const walk = (node: AXNode) => {
      for (const id of node.childIds ?? []) {
        const child = byId.get(id);
        if (child) {
          inside.push(child);
          walk(child);
        }
      }
    };
    walk(dialog);
    const named = (role: string) =>
      inside
        .filter((node) => !node.ignored && node.role?.value === role)
        .map((node) => node.name?.value ?? '');
    return {
      title: dialog.name?.value ?? '',
      buttons: [...named('button'), ...named('menuitem')],
      links: named('link'),
      text: named('StaticText').join(' '),
      focused:
        inside.find((node) =>
          node.properties?.some((p) => p.name === 'focused' && p.value.value === true),
        )?.name?.value ?? null,
      box: await this.box(dialog.backendDOMNodeId),
    };
  }

  /** The box of the card's control (button or link) with this accessible name, for a click. */
  async controlBox(name: string): Promise<CardSnapshot['box']> {
    const { nodes } = (await this.cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const control = nodes.find(
      (node) =>
        !node.ignored &&
        ['button', 'link', 'menuitem'].includes(node.role?.value ?? '') &&
        node.name?.value === name,
    );
    return this.box(control?.backendDOMNodeId);
  }

  private async box(backendNodeId: number | undefined): Promise<CardSnapshot['box']> {
    if (backendNodeId === undefined) return null;
    try {
      const { model } = (await this.cdp.send('DOM.getBoxModel', { backendNodeId })) as {
        model: { border: number[]; width: number; height: number };
      };
      return {
        x: model.border[0] ?? 0,
        y: model.border[1] ?? 0,
        width: model.width,
        height: model.height,
      };
    } catch {
      return null;
    }
  }
}
