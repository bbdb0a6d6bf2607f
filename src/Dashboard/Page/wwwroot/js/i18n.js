// Chinese first, English on request. Domain terms follow the payment-reform documents (contracts/README.md).

const texts = {
  zh: {
    'app.title': '医保基金运行实时监测',
    'app.subtitle': '使用进度 vs 时间进度 · 结余留用、超支自担',
    'session.signOut': '退出登录',
    'signIn.heading': '登录',
    'signIn.hint': '粘贴访问令牌（Bearer Token）。令牌决定您能看到的范围：州/市、县、或本机构。',
    'signIn.label': '访问令牌',
    'signIn.submit': '登录',
    'signIn.demo': '嵌入式演示主机启动时会为每个角色打印一个演示令牌；也可在地址后加 ?token=… 直接打开。',
    'signIn.invalid': '令牌无效或已过期，请重新粘贴。',
    'signIn.malformed': '这不是一个有效的访问令牌（应为三段以“.”分隔的 JWT）。',
    'signIn.ingest': '数据接入（ingest）令牌只能上传结算数据，不能查看看板。',
    'signIn.expired': '登录已过期，请重新登录。',
    'signIn.unreachable': '无法连接服务器：{error}',
    'role.admin': '管理员',
    'role.regulator': '监管人员',
    'role.inspector': '稽核人员',
    'role.hospital': '定点医疗机构',
    'role.ingest': '数据接入',
    'scope.all': '全部范围',
    'scope.region': '州/市',
    'scope.county': '县',
    'scope.hospital': '机构',
    'live.connecting': '正在连接实时推送…',
    'live.live': '实时推送已连接',
    'live.reconnecting': '重新连接中…',
    'live.offline': '实时推送未连接（每 {seconds} 秒刷新）',
    'level.region': '州/市',
    'level.county': '县级统筹基金',
    'level.alliance': '医共体',
    'level.hospital': '定点医疗机构',
    'level.doctor': '医师',
    'level.patient': '参保人',
    'alliance.tight': '紧密型',
    'alliance.loose': '非紧密型',
    'allianceTag': '{type}医共体',
    'hospitalLevel.1': '一级',
    'hospitalLevel.2': '二级',
    'hospitalLevel.3': '三级',
    'pace.none': '正常',
    'pace.notice': '提示',
    'pace.warning': '预警',
    'pace.critical': '严重',
    'pace.unknown': '无预算',
    'pace.loading': '加载中',
    'pace.pending': '暂无结算',
    'hierarchy.heading': '基金层级',
    'hierarchy.legendTime': '时间进度',
    'hierarchy.legendUsed': '使用进度',
    'hierarchy.outside': '未加入医共体的机构',
    'hierarchy.empty': '您的范围内没有可查看的基金。',
    'hierarchy.hidden': '上级基金（不在您的查看范围）',
    'gauge.line': '使用 {used} · 时间 {time}',
    'gauge.noBudget': '无预算指标',
    'gauge.paidOf': '{paid} / {budget}',
    'detail.pick': '请在左侧选择一个基金账户。',
    'detail.loading': '正在加载…',
    'detail.failed': '无法加载该账户：{error}',
    'detail.ahead': '使用进度超前时间进度 {pp} 个百分点',
    'detail.behind': '使用进度落后时间进度 {pp} 个百分点',
    'detail.even': '使用进度与时间进度持平',
    'detail.noPace': '尚无结算数据，暂无法评估进度',
    'detail.noBudget': '该机构未设总额控制指标，只显示实际支付。',
    'detail.county': '所属县：{name}',
    'detail.alliance': '所属医共体：{name}',
    'kpi.annualBudget': '年度预算',
    'kpi.fundPaid': '统筹基金已支付',
    'kpi.expectedToDate': '按进度应支付',
    'kpi.usedShare': '使用进度',
    'kpi.timeShare': '时间进度',
    'kpi.projectedYearEnd': '预计年末支出',
    'kpi.projectedShare': '预计年末使用率',
    'kpi.claimsCounted': '结算笔数',
    'kpi.asOf': '数据截至（结算时间）',
    'chart.heading': '基金支出曲线（{year} 年）',
    'chart.actual': '实际累计支付',
    'chart.expected': '按月度计划累计',
    'chart.projection': '年末预测',
    'chart.budget': '年度预算',
    'chart.profileNote': '各点为月末累计；计划曲线按县级月度支出计划累计。',
    'chart.flatNote': '各点为月末累计；该县未设月度支出计划，计划曲线按天数平均分配。',
    'chart.month': '{month}月',
    'chart.start': '年初',
    'readmission.heading': '15日再入院率',
    'readmission.rate': '近{days}天 15日内再入院率',
    'readmission.pairs': '疑似分解住院 {pairs} 例 / 出院 {discharges} 例',
    'readmission.peerMedian': '同级机构中位数',
    'readmission.peers': '同级机构 {peers} 家',
    'readmission.noPeers': '同级机构不足，暂不比较',
    'readmission.alerted': '明显高于同级机构，已预警（预警线 {threshold}）',
    'readmission.withinLine': '未超过预警线 {threshold} · 截至 {date}',
    'readmission.asOf': '数据截至 {date}',
    'readmission.pending': '尚未上报出院数据，暂无再入院率。',
    'readmission.failed': '无法加载再入院率：{error}',
    'yearEnd.heading': '年终清算预览（结余留用、超支自担）',
    'yearEnd.projectedSpend': '预计年末支出',
    'yearEnd.balance': '预计结余（负数为超支）',
    'yearEnd.surplusShareRetained': '结余留用比例',
    'yearEnd.retained': '留用金额',
    'yearEnd.returnedToFund': '返还统筹基金',
    'yearEnd.overrunBorne': '超支自担',
    'alerts.heading': '实时预警',
    'alerts.kind': '类型',
    'alerts.severity': '级别',
    'alerts.all': '全部',
    'alerts.none': '暂无预警',
    'alerts.noneFiltered': '没有符合筛选条件的预警',
    'alerts.count': '{shown} / {total}',
    'alerts.asOf': '结算至 {date}',
    'kind.budget-pace': '基金使用进度预警',
    'kind.budget-exhausted': '预算已用尽',
    'kind.split-hospitalization': '分解住院',
    'kind.upcoding': '高套编码',
    'kind.low-threshold-admission': '低标准入院',
    'kind.data-quality': '数据质量',
    'severity.notice': '提示',
    'severity.warning': '预警',
    'severity.critical': '严重',
    'transition.raised': '新发',
    'transition.escalated': '升级',
    'transition.eased': '缓解',
    'transition.cleared': '解除',
    'evidence.heading': '预警详情',
    'evidence.message': '说明',
    'evidence.figures': '依据数据',
    'evidence.claims': '涉及结算单（{count}）',
    'evidence.drgs': '涉及 DRG 分组',
    'evidence.about': '预警信息',
    'evidence.subject': '对象',
    'evidence.county': '县',
    'evidence.hospital': '医疗机构',
    'evidence.raisedAt': '发出时间',
    'evidence.asOf': '业务时间（结算）',
    'evidence.alertId': '预警编号',
    'evidence.caseId': '稽核案件',
    'evidence.none': '无',
    'evidence.more': '另有 {count} 条未列出',
    'common.close': '关闭',
    'common.yes': '是',
    'common.no': '否',
  },
  en: {
    'app.title': 'Medical insurance fund monitor',
    'app.subtitle': 'Spend pace vs time · surplus retained, overrun borne',
    'session.signOut': 'Sign out',
    'signIn.heading': 'Sign in',
    'signIn.hint': 'Paste a bearer token. The token decides what you may see: a prefecture, a county, or your own hospital.',
    'signIn.label': 'Access token',
    'signIn.submit': 'Sign in',
    'signIn.demo': 'The embedded demo host prints one demo token per role at start-up; you may also open the page with ?token=… in the address.',
    'signIn.invalid': 'The token is invalid or has expired; paste it again.',
    'signIn.malformed': 'That is not an access token (a JWT has three parts separated by ".").',
    'signIn.ingest': 'An ingest token can post claims but cannot read the dashboard.',
    'signIn.expired': 'Your session has expired; please sign in again.',
    'signIn.unreachable': 'Cannot reach the server: {error}',
    'role.admin': 'Administrator',
    'role.regulator': 'Regulator',
    'role.inspector': 'Inspector',
    'role.hospital': 'Hospital',
    'role.ingest': 'Ingest',
    'scope.all': 'everything',
    'scope.region': 'Prefecture',
    'scope.county': 'County',
    'scope.hospital': 'Hospital',
    'live.connecting': 'Connecting to live push…',
    'live.live': 'Live',
    'live.reconnecting': 'Reconnecting…',
    'live.offline': 'Live push unavailable (refreshing every {seconds} s)',
    'level.region': 'Prefecture',
    'level.county': 'County fund',
    'level.alliance': 'Medical alliance',
    'level.hospital': 'Hospital',
    'level.doctor': 'Doctor',
    'level.patient': 'Patient',
    'alliance.tight': 'tight',
    'alliance.loose': 'loose',
    'allianceTag': '{type} alliance',
    'hospitalLevel.1': 'level 1',
    'hospitalLevel.2': 'level 2',
    'hospitalLevel.3': 'level 3',
    'pace.none': 'On pace',
    'pace.notice': 'Notice',
    'pace.warning': 'Warning',
    'pace.critical': 'Critical',
    'pace.unknown': 'No budget',
    'pace.loading': 'Loading',
    'pace.pending': 'No settlements',
    'hierarchy.heading': 'Fund hierarchy',
    'hierarchy.legendTime': 'time share',
    'hierarchy.legendUsed': 'used share',
    'hierarchy.outside': 'Institutions outside any alliance',
    'hierarchy.empty': 'There is no fund within your scope.',
    'hierarchy.hidden': 'parent fund (outside your scope)',
    'gauge.line': 'used {used} · time {time}',
    'gauge.noBudget': 'no budget',
    'gauge.paidOf': '{paid} / {budget}',
    'detail.pick': 'Choose a fund account on the left.',
    'detail.loading': 'Loading…',
    'detail.failed': 'Cannot load this account: {error}',
    'detail.ahead': 'Spend is {pp} percentage points ahead of time',
    'detail.behind': 'Spend is {pp} percentage points behind time',
    'detail.even': 'Spend is level with time',
    'detail.noPace': 'No settlements yet; pace cannot be judged',
    'detail.noBudget': 'This institution has no budget of its own; actual spend only.',
    'detail.county': 'County: {name}',
    'detail.alliance': 'Alliance: {name}',
    'kpi.annualBudget': 'Annual budget',
    'kpi.fundPaid': 'Fund paid',
    'kpi.expectedToDate': 'Expected to date',
    'kpi.usedShare': 'Used share',
    'kpi.timeShare': 'Time share',
    'kpi.projectedYearEnd': 'Projected year end',
    'kpi.projectedShare': 'Projected share',
    'kpi.claimsCounted': 'Claims counted',
    'kpi.asOf': 'As of (settlement time)',
    'chart.heading': 'Spend curve ({year})',
    'chart.actual': 'Actual cumulative',
    'chart.expected': 'Expected cumulative',
    'chart.projection': 'Projection to year end',
    'chart.budget': 'Annual budget',
    'chart.profileNote': 'Points are month-end totals; expected spend follows the county\'s monthly profile.',
    'chart.flatNote': 'Points are month-end totals; the county has no monthly profile, so expected spend is spread evenly by days.',
    'chart.month': '{monthName}',
    'chart.start': 'Start',
    'readmission.heading': '15-day readmission rate',
    'readmission.rate': 'Readmitted within 15 days, last {days} days',
    'readmission.pairs': 'Suspected split stays {pairs} / discharges {discharges}',
    'readmission.peerMedian': 'Same-level peer median',
    'readmission.peers': '{peers} same-level peers',
    'readmission.noPeers': 'Too few same-level peers to compare',
    'readmission.alerted': 'Well above same-level peers: alerted (alert line {threshold})',
    'readmission.withinLine': 'Below the alert line {threshold} · as of {date}',
    'readmission.asOf': 'As of {date}',
    'readmission.pending': 'No discharges reported yet, so no readmission rate.',
    'readmission.failed': 'Cannot load the readmission rate: {error}',
    'yearEnd.heading': 'Year-end settlement preview (surplus retained, overrun borne)',
    'yearEnd.projectedSpend': 'Projected spend',
    'yearEnd.balance': 'Projected balance (negative: overrun)',
    'yearEnd.surplusShareRetained': 'Share of surplus retained',
    'yearEnd.retained': 'Retained',
    'yearEnd.returnedToFund': 'Returned to the fund',
    'yearEnd.overrunBorne': 'Overrun borne',
    'alerts.heading': 'Live alerts',
    'alerts.kind': 'Kind',
    'alerts.severity': 'Severity',
    'alerts.all': 'All',
    'alerts.none': 'No alerts',
    'alerts.noneFiltered': 'No alert matches the filters',
    'alerts.count': '{shown} / {total}',
    'alerts.asOf': 'as of {date}',
    'kind.budget-pace': 'Budget pace',
    'kind.budget-exhausted': 'Budget exhausted',
    'kind.split-hospitalization': 'Split hospitalization',
    'kind.upcoding': 'Upcoding',
    'kind.low-threshold-admission': 'Low-threshold admission',
    'kind.data-quality': 'Data quality',
    'severity.notice': 'Notice',
    'severity.warning': 'Warning',
    'severity.critical': 'Critical',
    'transition.raised': 'raised',
    'transition.escalated': 'escalated',
    'transition.eased': 'eased',
    'transition.cleared': 'cleared',
    'evidence.heading': 'Alert details',
    'evidence.message': 'Message',
    'evidence.figures': 'Figures',
    'evidence.claims': 'Claims ({count})',
    'evidence.drgs': 'DRGs',
    'evidence.about': 'About',
    'evidence.subject': 'Subject',
    'evidence.county': 'County',
    'evidence.hospital': 'Hospital',
    'evidence.raisedAt': 'Raised at',
    'evidence.asOf': 'As of (settlement time)',
    'evidence.alertId': 'Alert id',
    'evidence.caseId': 'Inspection case',
    'evidence.none': 'none',
    'evidence.more': '{count} more not listed',
    'common.close': 'Close',
    'common.yes': 'yes',
    'common.no': 'no',
  },
};

// Labels for evidence figures; a key not listed here is shown as it is.
const figureLabels = {
  zh: {
    annualBudget: '年度预算', budget: '预算', fundPaid: '统筹基金已支付', expectedToDate: '按进度应支付',
    usedShare: '使用进度', timeShare: '时间进度', projectedYearEnd: '预计年末支出', projectedShare: '预计年末使用率',
    aheadBy: '超前幅度', gap: '超前幅度', level: '级别', previousLevel: '原级别', day: '结算日', date: '日期',
    budgetDate: '结算日', threshold: '阈值', thresholds: '阈值', intervalDays: '间隔天数', days: '天数',
    observedShare: '本院占比', peerShare: '同级医院占比', pValue: 'p 值', claims: '结算笔数', claimsCounted: '结算笔数',
    overrun: '超支', balance: '结余', expectedShare: '应有占比',
    gapPoints: '使用进度减时间进度（百分点）', projectionReliable: '年末预测可靠', projectionWindowDays: '预测所用天数',
    noticeGapPoints: '提示阈值（超前百分点）', warningGapPoints: '预警阈值（超前百分点）',
    criticalProjectionPercent: '严重阈值（预计年末使用率 %）', hysteresisPoints: '解除缓冲（百分点）',
  },
  en: {},
};

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const storageKey = 'monitoring.lang';
let current = localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
const listeners = new Set();

export function lang() {
  return current;
}

export function setLang(next) {
  if (next !== 'zh' && next !== 'en') return;
  current = next;
  localStorage.setItem(storageKey, next);
  applyStatic();
  for (const listener of listeners) listener(next);
}

export function onLangChange(listener) {
  listeners.add(listener);
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key, vars = {}) {
  const text = texts[current][key] ?? texts.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** The label of a known term (kind, level, severity…), or the raw value when the page does not know it. */
export function term(prefix, value) {
  const key = `${prefix}.${value}`;
  return key in texts[current] ? texts[current][key] : String(value);
}

/** The label of an evidence figure (a dotted key for nested figures: thresholds.noticeGapPoints). */
export function figureLabel(key) {
  const leaf = key.split('.').pop();
  return figureLabels[current][key] ?? figureLabels[current][leaf] ?? humanize(leaf);
}

export function monthLabel(month) {
  return t('chart.month', { month, monthName: monthNames[month - 1] });
}

/** Re-labels the static markup (elements with data-i18n) and the document's language. */
export function applyStatic() {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }

  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === current));
  }
}

function humanize(key) {
  if (current === 'zh') return key;
  return key.replace(/([a-z0-9])([A-Z])/g, (_, a, b) => `${a} ${b.toLowerCase()}`).replace(/^./, (c) => c.toUpperCase());
}
