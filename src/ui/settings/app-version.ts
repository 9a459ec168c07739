/**
 * `__APP_VERSION__` is `<semver>+<build stamp>`, the stamp being the build's UTC time as 14 digits
 * (vite.config.ts). Settings' About line says it in words: "0.1.0, built 2026-12-02 02:20 UTC".
 * A stamp of another shape (a pinned NM_BUILD_STAMP) is shown as it is.
 */
export function readableVersion(version: string): string {
  const [semver = version, stamp] = version.split('+');
  if (!stamp) return semver;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})\d{2}$/.exec(stamp);
  return m ? `${semver}, built ${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]} UTC` : `${semver}, build ${stamp}`;
}
