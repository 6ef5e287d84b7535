// A bug in the code must not look like a data problem, nor print a stack trace that may quote input or
// system files: the steward sees one line that says what happened and where to report it. A maintainer
// sets CHUNG_TAY_DEBUG=1 to see the error itself.

function stop(command: string, error: unknown): never {
  console.error(
    `Lỗi nội bộ của chương trình (không phải lỗi dữ liệu): ${command} dừng lại, không có gì được công khai. ` +
      'Báo cho người bảo trì trang theo README, mục "Báo lỗi".',
  );
  if (process.env['CHUNG_TAY_DEBUG']) console.error(error);
  process.exit(1);
}

/** Run a command's body; any unexpected exception ends it with one line and exit code 1. */
export function guardCommand(command: string, body: () => void | Promise<void>) {
  process.on('uncaughtException', (e) => stop(command, e));
  process.on('unhandledRejection', (e) => stop(command, e));
  try {
    const done = body();
    if (done) done.catch((e: unknown) => stop(command, e));
  } catch (e) {
    stop(command, e);
  }
}
