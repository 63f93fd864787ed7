import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../web/simulator/markdown.js';

const names: Record<string, string> = { chenjl: '陈经理', zhangwei: '张伟', '0411001': '张伟' };
const wecom = { platform: 'wecom' as const, nameOf: (_p: string, id: string) => names[id] };
const dingtalk = { ...wecom, platform: 'dingtalk' as const };

describe('the simulator page renders the bot\'s markdown', () => {
  it('WeCom: bold, mentions by name, font colours, quotes and tickets as links', () => {
    const html = renderMessage('**已受理 #1**\n<@chenjl> <@zhangwei> <font color="warning">紧急</font>\n> 办理时限 12-03', 'markdown', wecom);
    expect(html).toContain('<strong>已受理 <a class="ticket" data-no="1">#1</a></strong>');
    expect(html).toContain('<span class="at">@陈经理</span> <span class="at">@张伟</span>');
    expect(html).toContain('<span class="warning">紧急</span>');
    expect(html).toContain('<blockquote>');
  });

  it('markdown_v2 tables', () => {
    const html = renderMessage('| 指标 | 数 |\n| --- | --- |\n| 办结 | 1 |', 'markdown_v2', wecom);
    expect(html).toMatch(/<table>[\s\S]*<td>办结<\/td>[\s\S]*<\/table>/);
  });

  it('DingTalk mentions by staff id; unknown ids stay as written', () => {
    expect(renderMessage('@0411001 请签收 #7，@9999 知悉', 'markdown', dingtalk)).toContain('<span class="at">@张伟</span> 请签收 <a class="ticket" data-no="7">#7</a>，@9999 知悉');
  });

  it('text messages: web addresses are links (the reminder\'s 工作台 link), ticket numbers outside them', () => {
    expect(renderMessage('【新工单】#2\n在工作台查看：http://127.0.0.1:3000/h5/tickets/2', 'text', wecom)).toBe(
      '【新工单】<a class="ticket" data-no="2">#2</a><br>在工作台查看：<a href="http://127.0.0.1:3000/h5/tickets/2" target="_blank" rel="noopener noreferrer">http://127.0.0.1:3000/h5/tickets/2</a>',
    );
    expect(renderMessage('见 https://x.test/h5/#12。', 'text', wecom)).toBe('见 <a href="https://x.test/h5/#12" target="_blank" rel="noopener noreferrer">https://x.test/h5/#12</a>。');
  });

  it('nothing in a message becomes markup of its own', () => {
    const html = renderMessage('<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))', 'markdown', wecom);
    expect(html).not.toMatch(/<script|<img|href="javascript/);
    expect(renderMessage('提醒 #3\n<b>x</b>', 'text', wecom)).toBe('提醒 <a class="ticket" data-no="3">#3</a><br>&lt;b&gt;x&lt;/b&gt;');
  });
});
