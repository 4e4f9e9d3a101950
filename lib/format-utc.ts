/** "27 Nov 2026, 21:14 UTC": an instant as the app's pages show it, the same for every reader wherever they are. */
export function formatUtcMinute(time: string | number | Date): string {
  return `${new Date(time).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}
