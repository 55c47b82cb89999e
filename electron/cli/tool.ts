// The tool as the bundle in out/cli/tool.cjs exports it to its launcher (launch.ts).
export { COMMAND_NAMES, main } from './main.ts';
