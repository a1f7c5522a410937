/**
 * The service navigation's menu toggle on small screens (GOV.UK Frontend's service navigation
 * pattern, without loading GOV.UK Frontend's JavaScript). Below the tablet breakpoint the
 * links are hidden behind a "Menu" button; from the breakpoint up, or without JavaScript, they
 * are all shown. The only script of most pages: keep it tiny (budget: 2 KB compressed).
 */
const button = document.querySelector<HTMLButtonElement>('.govuk-js-service-navigation-toggle');
const menu = button && document.getElementById(button.getAttribute('aria-controls') ?? '');
if (button && menu) {
  // GOV.UK Frontend's tablet breakpoint (40.0625em).
  const wide = window.matchMedia('(min-width: 40.0625em)');
  let open = false;
  const update = () => {
    if (wide.matches) {
      menu.hidden = false;
      button.hidden = true;
      button.setAttribute('aria-hidden', 'true');
    } else {
      button.hidden = false;
      button.removeAttribute('aria-hidden');
      button.setAttribute('aria-expanded', String(open));
      menu.hidden = !open;
    }
  };
  wide.addEventListener('change', update);
  button.addEventListener('click', () => {
    open = !open;
    update();
  });
  update();
}
