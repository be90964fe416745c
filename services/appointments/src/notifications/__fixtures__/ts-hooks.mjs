// Module hooks for ts-register.mjs (run in Node's loader thread).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../../..');

export async function resolve(specifier, context, next) {
  const lib = /^@adal\/([a-z-]+)(?:\/([a-z-]+))?$/.exec(specifier);
  if (lib) {
    const file = path.join(root, 'libs', lib[1], 'src', ...(lib[2] ? [lib[2]] : []), 'index.ts');
    if (existsSync(file)) return { url: pathToFileURL(file).href, format: 'module', shortCircuit: true };
  }
  if ((specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:')) && specifier.endsWith('.js') && context.parentURL) {
    const target = new URL(specifier, context.parentURL);
    const file = fileURLToPath(target);
    if (!existsSync(file) && existsSync(file.replace(/\.js$/, '.ts'))) {
      return { url: pathToFileURL(file.replace(/\.js$/, '.ts')).href, format: 'module', shortCircuit: true };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      experimentalDecorators: true,
      emitDecoratorMetadata: false,
      isolatedModules: true,
      verbatimModuleSyntax: false,
      sourceMap: false,
      inlineSourceMap: true,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
