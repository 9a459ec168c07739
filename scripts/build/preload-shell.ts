import type { Plugin } from 'vite';

/**
 * `<link rel="modulepreload">` in index.html for the app shell and everything it imports statically.
 * main.ts imports the shell dynamically (so storage opens while it downloads), which vite does not
 * preload: without this the browser learns of the shell only after index.js has run, one more round
 * trip before the first real paint on every route. Page chunks stay lazy: only the route's own
 * chunk is fetched early, by main.ts.
 */
export function preloadAppShell(shellSource = 'src/ui/app-shell.ts'): Plugin {
  return {
    name: 'nm-preload-app-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        // With shared code inlined (vite.config.ts) the shell's chunk may have no facade at this
        // point; it is still the one dynamic entry holding the shell's module.
        const isShell = (id: string | null) => !!id && id.replaceAll('\\', '/').endsWith(shellSource);
        const shell = chunks.find((c) => isShell(c.facadeModuleId) || (c.isDynamicEntry && c.moduleIds.some(isShell)));
        if (!shell) throw new Error(`preloadAppShell: no chunk for ${shellSource}; the shell moved?`);
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const files = new Set<string>();
        const visit = (name: string) => {
          if (files.has(name)) return;
          files.add(name);
          for (const dep of byName.get(name)?.imports ?? []) visit(dep);
        };
        visit(shell.fileName);
        const already = new Set([...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]));
        const links = [...files]
          .filter((f) => !already.has(f))
          .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`)
          .join('\n    ');
        return html.replace("</head>", `  ${links}\n  </head>`);
      },
    },
  };
}
