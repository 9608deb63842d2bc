/** Message cases and machine-dependent messages of vrrp.c, vrrp_track.c, trackers/track_file.c. */
import type { MessageCase, SilentMessage } from './messageTable';

export const VRRP_CORE_CASES: readonly MessageCase[] = [];

export const VRRP_CORE_SILENT: readonly SilentMessage[] = [];
