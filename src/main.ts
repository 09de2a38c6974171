// The public surface of the Apps Script program: exactly the functions Apps Script must see, nothing else.
export function ping_(): string {
  return 'ok';
}
