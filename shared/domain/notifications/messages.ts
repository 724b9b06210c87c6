import { DETAIL_TYPES as D, type DetailType } from './catalogue';

/** What a message may say beyond the event: read by the router with the program's own rights. */
export interface MessageContext {
  issueTitle?: string;
  unitName?: string;
  enterpriseName?: string;
  /** The 交办单 number when the assignment has one; without one the issue's number stands in. */
  orderNumber?: string;
  /** Where the recipient reads the record (the web client's page for it). */
  link: string;
}

export interface Message {
  /** A short heading (chat cards, webhook consumers). */
  title: string;
  /** The whole text, in Chinese, as an SMS or a chat message says it. */
  text: string;
  /** The named values, for SMS providers whose approved templates take parameters. */
  params: Record<string, string>;
}

const PREFIX = '【亲清互挂】';
const CARDS: Record<string, string> = { blue: '蓝牌', yellow: '黄牌', red: '红牌' };
const VERDICTS: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/**
 * The message for an event, from a fixed template per type: the issue's title, the unit, the due
 * date, the order number and a link, as they apply. Missing values leave their clause out rather
 * than print an empty one.
 */
export const messageFor = (
  detailType: DetailType,
  detail: Record<string, unknown>,
  context: MessageContext,
): Message => {
  const title = context.issueTitle ? `「${context.issueTitle}」` : '';
  const unit = context.unitName ?? '';
  const due = str(detail.dueDate);
  const order = context.orderNumber ? `交办单号${context.orderNumber}` : `问题编号${str(detail.issueId)}`;
  const params: Record<string, string> = {
    title: context.issueTitle ?? '',
    unit,
    dueDate: due,
    order: context.orderNumber ?? str(detail.issueId),
    link: context.link,
  };
  const make = (heading: string, body: string): Message => ({
    title: heading,
    text: `${PREFIX}${body}详情：${context.link}`,
    params,
  });
  const dueClause = due ? `，办理期限${due}` : '';
  switch (detailType) {
    case D.issueRaised:
      return make('新问题登记', `企业问题${title}已登记，待上报交办。`);
    case D.issueEscalated:
      return make('问题上报', `企业问题${title}已上报${unit ? `，拟由${unit}办理` : '，待服务中心交办'}。`);
    case D.issueAssigned:
      return make('问题交办', `问题${title}已交${unit || '贵单位'}办理，${order}${dueClause}。`);
    case D.issueDueSoon:
      return make('即将到期（蓝牌）', `问题${title}（${order}）即将到期${dueClause}，请抓紧办理。`);
    case D.issueSupervised:
      return make(
        `逾期督办（${CARDS[str(detail.card)] ?? ''}）`,
        `问题${title}（${order}）已逾期${str(detail.workingDaysOverdue)}个工作日，${unit}被${str(detail.supervisionLevel)}级督办，亮${CARDS[str(detail.card)] ?? '牌'}。`,
      );
    case D.issueReturned:
      return make('退单', `问题${title}被${unit || '承办单位'}退回，待重新交办。`);
    case D.issueSentToConsultation:
      return make('提请会商', `问题${title}已列入半月会商议题。`);
    case D.consultationDecided:
      return make('会商决定', `问题${title}经会商，交${unit || '牵头单位'}牵头办理，${order}${dueClause}。`);
    case D.issueResolved:
      return make('问题办结', `您反映的问题${title}已由${unit || '承办单位'}办结。`);
    case D.verdictRequested:
      return make('请评价', `您反映的问题${title}已办结，请对办理结果进行评价（满意/基本满意/不满意）。`);
    case D.verdictRecorded:
      return make(
        '企业评价',
        `企业对问题${title}的评价：${VERDICTS[str(detail.verdict)] ?? str(detail.verdict)}。`,
      );
    case D.issueClosed:
      return make('问题销号', `问题${title}已销号。`);
    case D.consultationAgendaReady:
      return make(
        '会商议题已定',
        `${str(detail.date)}半月会商议题已确定，共${Array.isArray(detail.agendaIssueIds) ? detail.agendaIssueIds.length : 0}个问题。`,
      );
    case D.residencyStarted:
      return make('驻企开始', `驻企挂职（${str(detail.batch)}批次）自${str(detail.startDate)}开始。`);
    case D.residencyEnded:
      return make('驻企结束', `驻企挂职（${str(detail.batch)}批次）于${str(detail.endedOn)}结束。`);
    case D.weeklyInspectionReported:
      return make(
        '周通报',
        `${str(detail.week)}周通报已发布：在办${str(detail.open)}件，逾期${str(detail.overdue)}件。`,
      );
    case D.quarterlyRankingPublished:
      return make('季度排名', `${str(detail.quarter)}季度排名已发布（第${str(detail.revision)}版）。`);
  }
};
