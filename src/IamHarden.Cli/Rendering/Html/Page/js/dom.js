// dom.js — building the page's elements.
// Every node is made with createElement and filled with textContent or setAttribute, never
// innerHTML: account-provided strings (user names, tags, policy names, messages) then stay text
// whatever characters they hold. Event handlers are functions, never attribute strings.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * el('td', {class: 'x', text: 'y', attrs: {colspan: 2}, on: {click: f}}, [children]).
 * Attribute names starting with "on" are refused so that data can never become a handler.
 */
function el(tag, props, children) {
  return decorate(document.createElement(tag), props, children);
}

/** The same for SVG elements (charts). */
function svg(tag, props, children) {
  return decorate(document.createElementNS(SVG_NS, tag), props, children);
}

function decorate(node, props, children) {
  if (props) {
    if (props.class) node.setAttribute('class', props.class);
    if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
    if (props.attrs) {
      for (const [name, value] of Object.entries(props.attrs)) {
        if (value === undefined || value === null || value === false) continue;
        if (/^on/i.test(name)) throw new Error('event handler attributes are not allowed: ' + name);
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    if (props.on) {
      for (const [event, handler] of Object.entries(props.on)) node.addEventListener(event, handler);
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  if (children === undefined || children === null) return node;
  for (const child of Array.isArray(children) ? children : [children]) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function clear(node) {
  node.replaceChildren();
  return node;
}

function byId(id) {
  return document.getElementById(id);
}
