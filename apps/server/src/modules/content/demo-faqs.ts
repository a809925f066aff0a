import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { contentArticles } from '../../db/schema/content.ts';
import { findAccountByUsername } from '../identity/index.ts';
import { renderMarkdown, summarize } from './markdown.ts';

/*
 * The demo's 常见问题: the questions and answers of the citizen hub's guide (seed 003), published
 * under their categories by the demo platform admin, once. Staff edit them in 内容管理 → 常见问题
 * like any article. Never in production (the caller seeds demo data only outside it).
 */
const FAQS: { category: string; q: string; a: string }[] = [
  {
    category: 'social',
    q: '无法关联社保卡？',
    a: '目前支持广东省内签发的二代实体社保卡关联，如无法关联请确认是否为二代社保卡（您可先查看您的社保卡右上角上是否有银联标识，具有银联标识的为二代社保卡）；如确认为二代社保卡，请尝试在登录“粤省事”首页时把左上角的地市切换为您所缴纳社保的城市，并再次尝试关联。',
  },
  {
    category: 'social',
    q: '为什么看不了医保余额？',
    a: '目前暂支持广州（需开通医保支付）、肇庆、潮州、清远地区医保账户余额查询。',
  },
  {
    category: 'social',
    q: '香港、澳门等人员在内地参保能使用“粤省事”的社保服务吗？',
    a: '目前社保服务不能覆盖香港、澳门等在内地参保的人士：港澳用户的社会保障号不是香港、澳门的个人ID，而是人社部门根据一定的规则生成的，所以暂无法关联社保信息。',
  },
  {
    category: 'housing_fund',
    q: '无法关联公积金？',
    a: '公积金服务已支持全省（除东莞、惠州、揭阳）关联查询办理服务（具体支持服务以各地市为准）。如无法关联，请把左上角的地市切换为您所缴纳公积金的城市，并再次尝试关联。',
  },
  {
    category: 'housing_fund',
    q: '我为什么不能在线提取公积金？',
    a: '如果您是广州、深圳用户首次提取，需要进行前台提取预约，并到公积金服务办理网点提取；如果您已在公积金网点办理过提取，则可在线直接办理，但需满足对应提取事项的提取条件方能成功提交。省内其他地市用户请进行前台提取预约，并到公积金服务办理网点提取。',
  },
  {
    category: 'housing_fund',
    q: '办理公积金提取预约时提示“手机号码不正确”？',
    a: '该提示不是要修改个人中心的手机号，而是要修改您绑定公积金账户的手机号，需要您前往公积金管理中心网站，或公积金服务网点修改。',
  },
  {
    category: 'household',
    q: '我是外省的，在广东补办了身份证，可以查询办理进度吗？',
    a: '可以的，“身份证办理查询”支持半年内在广东办理的身份证进行办理进度查询，不管是否外省户口。',
  },
  {
    category: 'household',
    q: '居住证服务办理审核时间需要多久？',
    a: '“申报居住登记”提交资料审核后会有审核结果；审批通过满半年（深圳除外）后“申领居住证”，审核通过的，自受理之日起10个工作日内完成居住证发放（以当地居住证服务办理部门实际审核时间为准）。',
  },
  {
    category: 'household',
    q: '户政审批查询可以查询哪些户政服务审批情况？',
    a: '可查询出生审批、市外迁入、市内移居、非原址恢复户口、户口注销、恢复户口、项目变更、所内非转农等服务的审批情况。',
  },
  {
    category: 'exit_entry',
    q: '护照与通行证的服务范围是什么？一定要广东省户籍的才可以办理吗？',
    a: '预约办证服务：目前支持除深圳以外的广东省户籍居民，以及商务人员、学生、60岁以上等其他符合办证条件的非广东省户籍居民，进行线上申请预约办证；签注服务：支持广东省户籍居民，以及广东省签发的港澳通行证、台湾通行证的签注服务线上办理。',
  },
  {
    category: 'exit_entry',
    q: '成功申办港澳通行证再次签注后，如何取消？',
    a: '港澳台签注目前不支持线上取消；预约护照、港澳台通行证首次申领/换领/补领服务是可以取消的。若需要取消签注，请咨询申请时选择的办理地出入境管理部门（热线电话：12345）。',
  },
  {
    category: 'marriage_birth',
    q: '出生证电子证照关联支持到何时的出生日期？',
    a: '2014年1月1日至今支持全省（除广州、深圳、佛山、珠海）；2018年5月1日至今（广州、深圳、佛山、珠海）。',
  },
  {
    category: 'marriage_birth',
    q: '出生证预约成功后，去医院领取需要提供什么材料？',
    a: '新生儿父母中的一方前往医疗机构领取纸质版出生医学证明，需要出示身份证原件，并在现场进行刷脸认证，认证通过后领取。',
  },
];

export async function seedDemoFaqs(ctx: AppContext): Promise<number> {
  const [existing] = await ctx.db
    .select({ id: contentArticles.id })
    .from(contentArticles)
    .where(eq(contentArticles.kind, 'faq'))
    .limit(1);
  if (existing) return 0;
  const author = await findAccountByUsername(ctx.db, 'sysadmin');
  if (!author) return 0;
  const now = ctx.clock.now();
  await ctx.db.insert(contentArticles).values(
    FAQS.map((f, i) => {
      const html = renderMarkdown(f.a);
      return {
        kind: 'faq' as const,
        status: 'published' as const,
        category: f.category,
        title: { 'zh-CN': f.q },
        bodyMarkdown: { 'zh-CN': f.a },
        bodyHtml: { 'zh-CN': html },
        summary: { 'zh-CN': summarize(html) },
        authorId: author.id,
        updatedBy: author.id,
        createdAt: now,
        updatedAt: now,
        // the guide's order, first question newest
        publishedAt: new Date(now.getTime() - i * 1000),
      };
    }),
  );
  return FAQS.length;
}
