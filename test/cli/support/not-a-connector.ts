// A module whose default export is not a connector definition.
export default { title: 'Half a connector' };
