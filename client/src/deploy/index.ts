export { registerDeployCommands, type AnalysisSource } from './commands';
