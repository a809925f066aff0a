// The content module (articles: 通知公告, 政策法规, 办事指南, 常见问题) as other modules see it: only
// what is exported here may be imported. app.ts registers content.routes.ts itself.
export { seedDemoFaqs } from './demo-faqs.ts';
export { renderMarkdown } from './markdown.ts';
