/**
 * remark configuration for editors (the unifiedjs.vscode-remark extension) and `npx remark`:
 * checks the frontmatter of lessons and action notes against the JSON Schemas generated from
 * schemas/ (npm run schemas), so a SPOC sees mistakes inline while typing. The full set of
 * checks (references, body sections, personal data) is `npm run validate`.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      {
        schemas: {
          './schemas/json/lesson.schema.json': ['content/lessons/*.md'],
          './schemas/json/action-note.schema.json': ['content/action-notes/*.md'],
        },
      },
    ],
  ],
};
