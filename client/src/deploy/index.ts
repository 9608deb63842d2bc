export { registerDeployCommands } from './commands';
