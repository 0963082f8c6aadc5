import type { Agreement } from './types';

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The REDIRECT flow's page: where PPRO would show the bank's consent screen, the simulator shows the
 * agreement and lets a trainer authorise or refuse it as the consumer (the same as /_sim/consumer/...).
 */
export function consumerPage(agreement: Agreement): string {
  const id = escape(agreement.id);
  const amount =
    agreement.amount === undefined
      ? ''
      : `${(agreement.amount.value / 100).toFixed(2)} ${escape(agreement.amount.currency)}`;
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Bancontact agreement ${id}</title></head>
<body>
<h1>${escape(agreement.description ?? 'Payment agreement')}</h1>
<p>${escape(agreement.consumer.name)} · ${amount} · <strong id="status">${escape(agreement.status)}</strong></p>
<button data-act="authorise">Authorise</button> <button data-act="refuse">Refuse</button>
<script>
for (const button of document.querySelectorAll('button'))
  button.addEventListener('click', async () => {
    const answer = await fetch('/_sim/consumer/' + button.dataset.act, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agreementId: '${id}' }) });
    document.getElementById('status').textContent = (await answer.json()).status ?? 'error';
  });
</script>
</body></html>`;
}
