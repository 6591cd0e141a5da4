// As `npx sv create` writes it: runes mode for the app's own components, whatever each one uses.
export default {
  compilerOptions: {
    runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true),
  },
};
