// Settings → Field Security (admins): pick an org and an object, tick the fields to hide, Save.
// The fields come from the org's describe; the reference's suggested ones are marked. Every text
// from the server goes in through textContent.

const $ = (id) => document.getElementById(id);

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) {
      node.setAttribute(name, String(value));
    }
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

export function createFieldSecurity({ api, onError }) {
  const ui = {
    org: $('fs-org'),
    object: $('fs-object'),
    load: $('fs-load'),
    message: $('fs-message'),
    fields: $('fs-fields'),
    legend: $('fs-legend'),
    list: $('fs-list'),
    save: $('fs-save'),
  };
  let shown = null; // { org, object } of the list on screen

  function say(text, kind = 'info') {
    ui.message.textContent = text;
    ui.message.dataset.kind = kind;
    ui.message.hidden = !text;
  }

  function render(answer) {
    ui.list.replaceChildren();
    for (const field of answer.fields) {
      const box = el('input', { type: 'checkbox', value: field.name, 'data-testid': `fs-field-${field.name}` });
      box.checked = Boolean(field.hidden);
      box.disabled = field.name === 'Id'; // the record's identity; the server refuses to hide it
      const label = el('label');
      label.append(box, el('span', {}, field.label || field.name), el('span', { class: 'api-name' }, field.name));
      if (field.suggested) {
        label.append(el('span', { class: 'suggested', title: 'The product reference suggests hiding this field' }, 'suggested'));
      }
      const item = el('li');
      item.append(label);
      ui.list.append(item);
    }
    ui.legend.textContent = `Hide these fields of ${answer.label || answer.object}`;
    ui.fields.hidden = false;
    ui.save.hidden = false;
    shown = { org: answer.org, object: answer.object };
  }

  async function load() {
    const object = ui.object.value.trim();
    if (!ui.org.value || !object) {
      say('Pick an org and type an object name, such as Contact.', 'error');
      return;
    }
    ui.load.disabled = true;
    try {
      render(await api.fieldSecurity(ui.org.value, object));
      say('');
    } catch (error) {
      ui.fields.hidden = true;
      ui.save.hidden = true;
      shown = null;
      say(error.message, 'error');
      onError?.(error);
    } finally {
      ui.load.disabled = false;
    }
  }

  async function save() {
    if (!shown) {
      return;
    }
    const hidden = [...ui.list.querySelectorAll('input[type=checkbox]')]
      .filter((box) => box.checked)
      .map((box) => box.value);
    ui.save.disabled = true;
    try {
      render(await api.saveFieldSecurity(shown.org, shown.object, hidden));
      say(
        hidden.length === 0
          ? `Saved: every field of ${shown.object} is visible.`
          : `Saved: ${hidden.length} field${hidden.length === 1 ? '' : 's'} of ${shown.object} hidden.`,
      );
    } catch (error) {
      say(error.message, 'error');
      onError?.(error);
    } finally {
      ui.save.disabled = false;
    }
  }

  ui.load.addEventListener('click', load);
  ui.object.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      load();
    }
  });
  ui.save.addEventListener('click', save);

  return {
    // Fills the org picker; the list waits until the admin asks for an object's fields.
    async show() {
      try {
        const orgs = await api.orgs();
        const chosen = ui.org.value;
        ui.org.replaceChildren(...orgs.map((org) => el('option', { value: org.id }, org.name)));
        if (orgs.some((org) => org.id === chosen)) {
          ui.org.value = chosen;
        }
      } catch (error) {
        onError?.(error);
      }
    },
  };
}
