import type { Connection } from 'vscode-languageserver';
import { DEPLOY_ANALYSIS_REQUEST, takeSnapshot, type AnalysisSnapshot, type DeployAnalysisParams } from '../deploy/analysisSnapshot';
import { realAnalysis } from '../deploy/realAnalysis';

/** Lets the VS Code deploy command lint the cluster with the server's core instead of bundling its own. */
export function registerDeployAnalysis(connection: Connection): void {
  connection.onRequest(DEPLOY_ANALYSIS_REQUEST, (params: DeployAnalysisParams): AnalysisSnapshot => takeSnapshot(realAnalysis, params.configs));
}
