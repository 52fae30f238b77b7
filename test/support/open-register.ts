import type { Page } from 'playwright-core';

// The app opens on Hôm nay; a scenario about the incoming register goes there from the sidebar.
export async function openIncomingRegister(page: Page): Promise<void> {
  await page.getByRole('heading', { name: /^Hôm nay/, level: 1 }).waitFor();
  await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đến', exact: true }).click();
  await page.getByRole('heading', { name: 'Sổ văn bản đến' }).waitFor();
}
