/** The failover code lens's command and the request behind it; the VS Code client imports only this file. */
export const SHOW_FAILOVER_TABLE = 'keepalived.showFailoverTable';
/** params `{ uri, instance }`; result `{ markdown }` (null when the instance is in no cluster) */
export const FAILOVER_TABLE_REQUEST = 'keepalived/failoverTable';
