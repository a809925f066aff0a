// The content module (articles: 通知公告, 政策法规, 办事指南) as other modules see it: only what is
// exported here may be imported. app.ts registers content.routes.ts itself.
export { renderMarkdown } from './markdown.ts';
